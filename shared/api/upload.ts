import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../limits';

/**
 * A file's bytes, at most the one upload limit: the field a binary channel (Channel.binary) names.
 * The hosts carry it as bytes (the web host streams the request body, electron/host/web/server.ts),
 * so no file travels as base64 in JSON. A larger file is refused before the schema (dispatch:
 * FILE_TOO_LARGE); the limit here keeps the schema true on its own.
 */
export const uploadBytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'not bytes' }).refine((bytes) => bytes.length <= MAX_UPLOAD_BYTES, { message: 'larger than the upload limit' });

/** Where the web host puts a binary call's other input fields (URI-encoded JSON). */
export const BINARY_INPUT_HEADER = 'x-arm-input';
