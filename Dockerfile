# The production bot: compiled JavaScript on Node 24 (LTS), production dependencies only, run as an unprivileged user.
#   docker build -t groupbot .
#   docker run -p 3978:3978 -e BOT_ID=... -e BOT_PASSWORD=... -e BOT_TENANT_ID=... -e DATABASE_URL=... groupbot
# Settings are environment variables (README, Configuration); BOT_ID must be set (production mode).

# Build stage: every dependency (TypeScript, and rimraf, which a botbuilder install script runs through npx).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV npm_config_yes=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY cards ./cards
COPY graph-emulator ./graph-emulator
COPY graph-model ./graph-model
COPY common ./common
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run stage: the compiled build and the pruned node_modules, nothing else.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3978
CMD ["node", "dist/bot/cli/entry.js", "serve"]
