import { readFileSync } from 'node:fs';

/**
 * Just enough of protobuf for the rig's own .proto files (proto3: messages, enums, scalar/message/map fields,
 * oneofs, services), so a provider process serves gRPC without loading protobufjs at every start: it parses
 * the .proto text and encodes/decodes the wire format (protobuf.dev/programming-guides/encoding: varints,
 * length-delimited fields, maps as repeated entry messages {key = 1, value = 2}).
 * test/rig/protocol/proto.test.ts checks it against @grpc/proto-loader (protobufjs) on the same files.
 *
 * Decoded messages follow proto-loader's options { keepCase, longs: Number, enums: String, defaults: true }:
 * every field present, scalars at their default, messages null, repeated fields [] and maps {}.
 */
type Scalar = 'string' | 'bytes' | 'bool' | 'int64' | 'int32' | 'uint32' | 'uint64';
const SCALARS = new Set(['string', 'bytes', 'bool', 'int64', 'int32', 'uint32', 'uint64']);

interface Field {
  readonly name: string;
  readonly number: number;
  readonly type: string; // a scalar, or a resolved full name of a message or enum
  readonly repeated: boolean;
  /** A member of a oneof: no default when absent, written whenever set (even to its zero value). */
  readonly oneof?: boolean;
  readonly map?: { readonly key: Scalar; readonly value: string };
}

export interface Method {
  readonly name: string;
  readonly request: string;
  readonly response: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
}

export class ProtoFile {
  readonly messages = new Map<string, Field[]>();
  readonly enums = new Map<string, string[]>();
  readonly services = new Map<string, Method[]>();
  private readonly unresolved: { scope: string; fields: { field: Field; raw: string }[] }[] = [];

  static load(path: string): ProtoFile {
    return new ProtoFile(readFileSync(path, 'utf8'));
  }

  constructor(text: string) {
    const tokens =
      text
        .replace(/\/\/[^\n]*/g, '')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .match(/[A-Za-z_][\w.]*|\d+|"[^"]*"|[{}()<>;=,[\]]/g) ?? [];
    let i = 0;
    let pkg = '';
    const expect = (t: string) => {
      if (tokens[i++] !== t)
        throw new Error(`proto: expected ${t} near token ${i}: ${tokens.slice(i - 3, i + 3).join(' ')}`);
    };
    const skipStatement = () => {
      while (tokens[i] !== ';') i++;
      i++;
    };
    const parseEnum = (scope: string) => {
      const name = `${scope}.${tokens[i++]}`;
      expect('{');
      const values: string[] = [];
      while (tokens[i] !== '}') {
        if (tokens[i] === 'option') {
          skipStatement();
          continue;
        }
        const valueName = tokens[i++];
        expect('=');
        values[Number(tokens[i++])] = valueName;
        skipStatement();
      }
      i++;
      this.enums.set(name, values);
    };
    const parseMessage = (scope: string) => {
      const name = `${scope}.${tokens[i++]}`;
      expect('{');
      const fields: { field: Field; raw: string }[] = [];
      const field = (repeated: boolean, oneof = false) => {
        if (tokens[i] === 'map') {
          i++;
          expect('<');
          const key = tokens[i++] as Scalar;
          expect(',');
          const value = tokens[i++];
          expect('>');
          const fieldName = tokens[i++];
          expect('=');
          const number = Number(tokens[i++]);
          skipStatement();
          fields.push({
            field: { name: fieldName, number, type: '', repeated: true, map: { key, value } },
            raw: value,
          });
          return;
        }
        const raw = tokens[i++];
        const fieldName = tokens[i++];
        expect('=');
        const number = Number(tokens[i++]);
        skipStatement();
        fields.push({ field: { name: fieldName, number, type: '', repeated, ...(oneof ? { oneof } : {}) }, raw });
      };
      while (tokens[i] !== '}') {
        const t = tokens[i];
        if (t === 'option' || t === 'reserved') {
          skipStatement();
          continue;
        }
        if (t === 'message' || t === 'enum' || t === 'repeated' || t === 'optional') i++;
        if (t === 'message') parseMessage(name);
        else if (t === 'enum') parseEnum(name);
        else if (t === 'oneof') {
          i += 2;
          expect('{');
          while (tokens[i] !== '}') field(false, true);
          i++;
        } else field(t === 'repeated');
      }
      i++;
      this.messages.set(name, []);
      this.unresolved.push({ scope: name, fields });
    };
    const parseService = () => {
      const name = `${pkg}.${tokens[i++]}`;
      expect('{');
      const methods: Method[] = [];
      while (tokens[i] !== '}') {
        expect('rpc');
        const methodName = tokens[i++];
        expect('(');
        const requestStream = tokens[i] === 'stream' ? (i++, true) : false;
        const request = tokens[i++];
        expect(')');
        expect('returns');
        expect('(');
        const responseStream = tokens[i] === 'stream' ? (i++, true) : false;
        const response = tokens[i++];
        expect(')');
        if (tokens[i] === '{') i += 2;
        else expect(';');
        methods.push({ name: methodName, request, response, requestStream, responseStream });
      }
      i++;
      this.services.set(name, methods);
    };
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t === 'syntax' || t === 'option' || t === 'import') skipStatement();
      else if (t === 'package') {
        pkg = tokens[i++];
        expect(';');
      } else if (t === 'message') parseMessage(pkg);
      else if (t === 'enum') parseEnum(pkg);
      else if (t === 'service') parseService();
      else throw new Error(`proto: unexpected ${t}`);
    }
    for (const { scope, fields } of this.unresolved) {
      this.messages.set(
        scope,
        fields.map(({ field, raw }) =>
          field.map
            ? { ...field, map: { key: field.map.key, value: this.resolve(scope, raw) } }
            : { ...field, type: this.resolve(scope, raw) },
        ),
      );
    }
    for (const [name, methods] of this.services) {
      const scope = name.slice(0, name.lastIndexOf('.'));
      this.services.set(
        name,
        methods.map((m) => ({
          ...m,
          request: this.resolve(scope, m.request),
          response: this.resolve(scope, m.response),
        })),
      );
    }
  }

  /** A type name as protobuf resolves it: from the innermost scope outwards. */
  private resolve(scope: string, name: string): string {
    if (SCALARS.has(name)) return name;
    for (let s = scope; ; s = s.slice(0, Math.max(0, s.lastIndexOf('.')))) {
      const full = s ? `${s}.${name}` : name;
      if (this.messages.has(full) || this.enums.has(full)) return full;
      if (!s) throw new Error(`proto: unknown type ${name} in ${scope}`);
    }
  }

  private fields(type: string): Field[] {
    const fields = this.messages.get(type);
    if (!fields) throw new Error(`proto: unknown message ${type}`);
    return fields;
  }

  decode(type: string, bytes: Uint8Array): any {
    const out: any = {};
    const byNumber = new Map<number, Field>();
    for (const f of this.fields(type)) {
      byNumber.set(f.number, f);
      if (!f.oneof) out[f.name] = f.map ? {} : f.repeated ? [] : this.defaultOf(f.type);
    }
    const r = new Reader(bytes);
    while (r.more()) {
      const tag = r.varint();
      const f = byNumber.get(Math.floor(tag / 8));
      const wire = tag & 7;
      if (!f) {
        r.skip(wire);
        continue;
      }
      if (f.map) {
        const entry = new Reader(r.bytes());
        let key: any = this.defaultOf(f.map.key);
        let value: any = this.defaultOf(f.map.value);
        while (entry.more()) {
          const t = entry.varint();
          if (t >> 3 === 1) key = this.readValue(entry, f.map.key);
          else if (t >> 3 === 2) value = this.readValue(entry, f.map.value);
          else entry.skip(t & 7);
        }
        out[f.name][key] = value;
      } else if (f.repeated) out[f.name].push(this.readValue(r, f.type));
      else out[f.name] = this.readValue(r, f.type);
    }
    return out;
  }

  private defaultOf(type: string): any {
    switch (type) {
      case 'string':
        return '';
      case 'bytes':
        return Buffer.alloc(0);
      case 'bool':
        return false;
      case 'int64':
      case 'int32':
      case 'uint32':
      case 'uint64':
        return 0;
      default:
        return this.enums.has(type) ? this.enums.get(type)![0] : null;
    }
  }

  private readValue(r: Reader, type: string): any {
    switch (type) {
      case 'string':
        return Buffer.from(r.bytes()).toString('utf8');
      case 'bytes':
        return Buffer.from(r.bytes());
      case 'bool':
        return r.varint() !== 0;
      case 'int64':
      case 'int32':
      case 'uint32':
      case 'uint64':
        return r.varint();
      default:
        if (this.enums.has(type)) return this.enums.get(type)![r.varint()] ?? 0;
        return this.decode(type, r.bytes());
    }
  }

  encode(type: string, value: any): Buffer {
    const w = new Writer();
    for (const f of this.fields(type)) {
      const v = value?.[f.name];
      if (v === undefined || v === null) continue;
      if (f.map) {
        for (const key of Object.keys(v)) {
          const entry = new Writer();
          this.writeField(entry, 1, f.map.key, key, true);
          this.writeField(entry, 2, f.map.value, v[key], true);
          w.tag(f.number, 2).lengthDelimited(entry.finish());
        }
      } else if (f.repeated) for (const item of v) this.writeField(w, f.number, f.type, item, true);
      else this.writeField(w, f.number, f.type, v, f.oneof === true);
    }
    return w.finish();
  }

  private writeField(w: Writer, number: number, type: string, v: any, always: boolean): void {
    switch (type) {
      case 'string':
        if (always || v !== '') w.tag(number, 2).lengthDelimited(Buffer.from(String(v), 'utf8'));
        return;
      case 'bytes':
        if (always || v.length > 0) w.tag(number, 2).lengthDelimited(Buffer.from(v));
        return;
      case 'bool':
        if (always || v) w.tag(number, 0).varint(v ? 1 : 0);
        return;
      case 'int64':
      case 'int32':
      case 'uint32':
      case 'uint64':
        if (always || Number(v) !== 0) w.tag(number, 0).varint(Number(v));
        return;
      default: {
        const values = this.enums.get(type);
        if (values) {
          const n = typeof v === 'number' ? v : values.indexOf(v);
          if (n < 0) throw new Error(`proto: ${v} is not a value of ${type}`);
          if (always || n !== 0) w.tag(number, 0).varint(n);
          return;
        }
        w.tag(number, 2).lengthDelimited(this.encode(type, v));
      }
    }
  }
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  more(): boolean {
    return this.at < this.buf.length;
  }

  varint(): number {
    let result = 0;
    let factor = 1;
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('proto: truncated varint');
      const b = this.buf[this.at++];
      result += (b & 0x7f) * factor;
      if (b < 0x80) return result;
      factor *= 128;
    }
  }

  bytes(): Uint8Array {
    const n = this.varint();
    if (this.at + n > this.buf.length) throw new Error('proto: truncated field');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.at += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.at += 4;
    else throw new Error(`proto: wire type ${wire} not supported`);
  }
}

class Writer {
  private readonly parts: Buffer[] = [];

  tag(number: number, wire: number): this {
    return this.varint(number * 8 + wire);
  }

  varint(n: number): this {
    const bytes: number[] = [];
    let v = n < 0 ? 2 ** 64 + n : n; // negative int64: ten bytes, as protobuf writes them
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) b |= 0x80;
      bytes.push(b);
    } while (v > 0);
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  lengthDelimited(data: Buffer): this {
    this.varint(data.length);
    this.parts.push(data);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** A grpc-js service definition for `service` of `file` (the shape @grpc/grpc-js `Server.addService` takes). */
export function serviceDefinition(file: ProtoFile, service: string): { [method: string]: object } {
  const methods = file.services.get(service);
  if (!methods) throw new Error(`proto: no service ${service}`);
  return Object.fromEntries(
    methods.map((m) => [
      m.name,
      {
        path: `/${service}/${m.name}`,
        originalName: m.name,
        requestStream: m.requestStream,
        responseStream: m.responseStream,
        requestSerialize: (v: unknown) => file.encode(m.request, v),
        requestDeserialize: (b: Buffer) => file.decode(m.request, b),
        responseSerialize: (v: unknown) => file.encode(m.response, v),
        responseDeserialize: (b: Buffer) => file.decode(m.response, b),
      },
    ]),
  );
}
