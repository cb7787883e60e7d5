import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, EmulatedProvider, Obj } from './provider';
import { impliedType, schemaMessage } from './schema-wire';
import type { CtyType, ResourceSchema } from './schemas/schema-types';
import { decodeMsgpack, encodeMsgpack, fromJson } from './wire';

/**
 * One emulated provider as a Terraform plugin process: hashicorp/go-plugin's gRPC handshake and tfplugin6.
 * - Handshake (hashicorp/go-plugin docs/internals.md, "Handshake"; server.go `Serve`): one stdout line
 *   `CORE-PROTOCOL-VERSION|APP-PROTOCOL-VERSION|NETWORK|ADDRESS|PROTOCOL|SERVER-CERT`, core version 1, app
 *   protocol 6, and with AutoMTLS the server's certificate as DER in base64 without padding. Terraform's
 *   client certificate comes in PLUGIN_CLIENT_CERT (go-plugin client.go, `AutoMTLS`): the server requires it.
 * - The server key and certificate are made once by ./install.ts (openssl) and read from RIG_CERT_DIR.
 * - Values are msgpack DynamicValues (./wire.ts) of the type each schema implies (./schema-wire.ts).
 */
const PROTO_DIR = join(__dirname, '../../../test/rig/protocol');

interface Loaded {
  grpc: typeof import('@grpc/grpc-js');
  service: (file: string, name: string) => any;
}

function load(): Loaded {
  // Required here, not at the top: nothing of gRPC is loaded until a provider process starts serving. The
  // messages go through ./protocol/proto.ts, not protobufjs, whose load would double each start's cost.
  const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
  const { ProtoFile, serviceDefinition } = require('./protocol/proto') as typeof import('./protocol/proto');
  return { grpc, service: (file, name) => serviceDefinition(ProtoFile.load(join(PROTO_DIR, file)), name) };
}

type Handler = (request: any) => object;

export function serve(provider: EmulatedProvider): void {
  const { grpc, service } = load();
  const server = new grpc.Server();
  const unary = (handler: Handler) => (call: any, callback: any) => {
    try {
      callback(null, handler(call.request));
    } catch (e) {
      // A bug of the emulation reaches terraform as an error diagnostic, with its stack for the reader.
      callback(null, { diagnostics: [wireDiagnostic(internalError(e))] });
    }
  };
  server.addService(service('tfplugin6.proto', 'tfplugin6.Provider'), wrapAll(providerHandlers(provider), unary));
  const plugin = (name: string) => service('go-plugin.proto', `plugin.${name}`);
  server.addService(plugin('GRPCController'), {
    Shutdown: (_call: any, callback: any) => {
      callback(null, {});
      setImmediate(() => process.exit(0));
    },
  });
  server.addService(plugin('GRPCStdio'), { StreamStdio: (call: any) => call.end() });
  server.addService(plugin('GRPCBroker'), { StartStream: (call: any) => call.on('end', () => call.end()) });
  server.addService(service('health.proto', 'grpc.health.v1.Health'), {
    Check: (_call: any, callback: any) => callback(null, { status: 'SERVING' }),
  });

  const certDir = process.env.RIG_CERT_DIR ?? '';
  const certPem = readFileSync(join(certDir, 'server.crt'));
  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  const credentials = clientCert
    ? grpc.ServerCredentials.createSsl(
        Buffer.from(clientCert),
        [{ private_key: readFileSync(join(certDir, 'server.key')), cert_chain: certPem }],
        true,
      )
    : grpc.ServerCredentials.createInsecure();
  server.bindAsync('127.0.0.1:0', credentials, (err, port) => {
    if (err) {
      process.stderr.write(`emulated provider: ${err.message}\n`);
      process.exit(1);
    }
    const der = clientCert ? pemToDerBase64(certPem.toString('utf8')) : '';
    process.stdout.write(`1|6|tcp|127.0.0.1:${port}|grpc|${der}\n`);
  });
}

function pemToDerBase64(pem: string): string {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64').toString('base64').replace(/=+$/, '');
}

function wrapAll(handlers: { [name: string]: Handler }, wrap: (h: Handler) => unknown): any {
  return Object.fromEntries(Object.entries(handlers).map(([name, h]) => [name, wrap(h)]));
}

function internalError(e: unknown): Diagnostic {
  const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  return { severity: 'ERROR', summary: 'Emulated provider failed', detail: message };
}

function wireDiagnostic(d: Diagnostic): object {
  return {
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    ...(d.attribute ? { attribute: { steps: d.attribute.map((name) => ({ attribute_name: name })) } } : {}),
  };
}

function providerHandlers(provider: EmulatedProvider): { [name: string]: Handler } {
  const s = provider.schemas;
  const types = new Map<string, CtyType>();
  const typeOf = (kind: 'resource' | 'data', name: string): CtyType => {
    const key = `${kind}:${name}`;
    let t = types.get(key);
    if (!t) {
      const schema: ResourceSchema | undefined =
        kind === 'resource' ? s.resource_schemas[name] : s.data_source_schemas[name];
      if (!schema) throw new Error(`no schema for ${kind} ${name}`);
      t = impliedType(schema.block);
      types.set(key, t);
    }
    return t;
  };
  const dec = (dv: any, t: CtyType): Obj | null =>
    dv && dv.msgpack && dv.msgpack.length > 0 ? (decodeMsgpack(dv.msgpack, t) as Obj | null) : null;
  const enc = (v: Obj | null, t: CtyType) => ({ msgpack: Buffer.from(encodeMsgpack(v, t)) });
  const priv = (bytes: Buffer | undefined): Obj =>
    bytes && bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as Obj) : {};
  const privBytes = (p: Obj | undefined) => Buffer.from(p && Object.keys(p).length > 0 ? JSON.stringify(p) : '');
  const diags = (d: readonly Diagnostic[] | undefined) => (d ?? []).map(wireDiagnostic);
  const resource = (name: string) => {
    const r = provider.resources[name];
    if (!r) throw new Error(`no behaviour for resource ${name}`);
    return r;
  };

  return {
    GetMetadata: () => ({
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
      resources: Object.keys(s.resource_schemas).map((type_name) => ({ type_name })),
      data_sources: Object.keys(s.data_source_schemas).map((type_name) => ({ type_name })),
    }),
    GetProviderSchema: () => ({
      provider: schemaMessage(s.provider),
      resource_schemas: Object.fromEntries(Object.entries(s.resource_schemas).map(([k, v]) => [k, schemaMessage(v)])),
      data_source_schemas: Object.fromEntries(
        Object.entries(s.data_source_schemas).map(([k, v]) => [k, schemaMessage(v)]),
      ),
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    }),
    ValidateProviderConfig: () => ({ diagnostics: [] }),
    ConfigureProvider: () => ({ diagnostics: [] }),
    GetFunctions: () => ({ diagnostics: [] }),
    StopProvider: () => ({ Error: '' }),
    ValidateResourceConfig: (req) => {
      const r = resource(req.type_name);
      const config = dec(req.config, typeOf('resource', req.type_name));
      return { diagnostics: diags(config && r.validate ? r.validate(config) : []) };
    },
    ValidateDataResourceConfig: (req) => {
      typeOf('data', req.type_name);
      return { diagnostics: [] };
    },
    UpgradeResourceState: (req) => {
      const t = typeOf('resource', req.type_name);
      const raw = req.raw_state?.json?.length ? JSON.parse(req.raw_state.json.toString('utf8')) : null;
      return { upgraded_state: enc(raw === null ? null : (fromJson(raw, t) as Obj), t) };
    },
    ReadResource: (req) => {
      const t = typeOf('resource', req.type_name);
      const state = dec(req.current_state, t);
      if (!state) return { new_state: enc(null, t), private: req.private };
      const out = resource(req.type_name).read(state, priv(req.private));
      return {
        new_state: enc(out.state, t),
        private: out.private ? privBytes(out.private) : req.private,
        diagnostics: diags(out.diagnostics),
      };
    },
    PlanResourceChange: (req) => {
      const t = typeOf('resource', req.type_name);
      const out = resource(req.type_name).plan({
        prior: dec(req.prior_state, t),
        proposed: dec(req.proposed_new_state, t),
        config: dec(req.config, t),
        priorPrivate: priv(req.prior_private),
      });
      return {
        planned_state: enc(out.planned, t),
        requires_replace: (out.requiresReplace ?? []).map((path) => ({
          steps: path.map((attribute_name) => ({ attribute_name })),
        })),
        planned_private: privBytes(out.private),
        diagnostics: diags(out.diagnostics),
      };
    },
    ApplyResourceChange: (req) => {
      const t = typeOf('resource', req.type_name);
      const out = resource(req.type_name).apply({
        prior: dec(req.prior_state, t),
        planned: dec(req.planned_state, t),
        config: dec(req.config, t),
        private: priv(req.planned_private),
      });
      return { new_state: enc(out.state, t), private: privBytes(out.private), diagnostics: diags(out.diagnostics) };
    },
    ImportResourceState: (req) => {
      const t = typeOf('resource', req.type_name);
      const r = resource(req.type_name);
      if (!r.import) {
        return {
          diagnostics: diags([
            { severity: 'ERROR', summary: 'Import not supported', detail: `${req.type_name} cannot be imported` },
          ]),
        };
      }
      const out = r.import(req.id);
      return {
        imported_resources: out.state
          ? [{ type_name: req.type_name, state: enc(out.state, t), private: privBytes(out.private) }]
          : [],
        diagnostics: diags(out.diagnostics),
      };
    },
    ReadDataSource: (req) => {
      const t = typeOf('data', req.type_name);
      const ds = provider.dataSources[req.type_name];
      if (!ds) throw new Error(`no behaviour for data source ${req.type_name}`);
      const out = ds.read(dec(req.config, t) ?? {});
      return { state: enc(out.state, t), diagnostics: diags(out.diagnostics) };
    },
  };
}
