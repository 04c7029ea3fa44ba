/**
 * Test helper: Microsoft's Kiota-based Graph SDK (`@microsoft/msgraph-sdk` + its users, directory and
 * directoryObjects packages) pointed at a test emulator. The packages are ES modules, so they are loaded with
 * import(). Requests go to `https://localhost:P/v1.0` through undici with the emulator's CA; the bearer token is
 * sent only to `localhost` (the SDK's allowed-hosts check).
 */
import { Agent, fetch as undiciFetch } from 'undici';
import type { GraphServiceClient } from '@microsoft/msgraph-sdk';
import type {} from '@microsoft/msgraph-sdk-users';
import type {} from '@microsoft/msgraph-sdk-directory';
import type {} from '@microsoft/msgraph-sdk-directoryobjects';
import type { TestEmulator } from './emulator';

export interface KiotaGraph {
  client: GraphServiceClient;
  /** Closes the HTTPS connections. */
  close(): Promise<void>;
}

/** A GraphServiceClient acting as a demo user of the emulator. Rejects when the SDK packages cannot load. */
export async function kiotaClientFor(emu: TestEmulator, upn: string, scopes?: string[]): Promise<KiotaGraph> {
  const [{ createGraphServiceClient, GraphRequestAdapter }, abstractions, { KiotaClientFactory }, json, text] =
    await Promise.all([
      import('@microsoft/msgraph-sdk'),
      import('@microsoft/kiota-abstractions'),
      import('@microsoft/kiota-http-fetchlibrary'),
      import('@microsoft/kiota-serialization-json'),
      import('@microsoft/kiota-serialization-text'),
    ]);
  await Promise.all([
    import('@microsoft/msgraph-sdk-users'),
    import('@microsoft/msgraph-sdk-directory'),
    import('@microsoft/msgraph-sdk-directoryobjects'),
  ]);
  const token = await emu.token(upn, scopes);
  const auth = new abstractions.BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => token,
    getAllowedHostsValidator: () => new abstractions.AllowedHostsValidator(new Set(['localhost'])),
  });
  const store = new abstractions.InMemoryBackingStoreFactory();
  const parse = new abstractions.ParseNodeFactoryRegistry();
  parse.registerDefaultDeserializer(json.JsonParseNodeFactory, store);
  parse.registerDefaultDeserializer(text.TextParseNodeFactory, store);
  const serialize = new abstractions.SerializationWriterFactoryRegistry();
  serialize.registerDefaultSerializer(json.JsonSerializationWriterFactory);
  serialize.registerDefaultSerializer(text.TextSerializationWriterFactory);
  const agent = new Agent({ connect: { ca: emu.emulator.caPem } });
  // undici's fetch takes a dispatcher; the SDK's types expect the DOM fetch signature.
  const customFetch = ((url: string, init: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as (
    request: string,
    init: RequestInit,
  ) => Promise<Response>;
  const adapter = new GraphRequestAdapter(auth, parse, serialize, KiotaClientFactory.create(customFetch));
  adapter.baseUrl = emu.emulator.graphUrl;
  return { client: createGraphServiceClient(adapter), close: () => agent.close() };
}
