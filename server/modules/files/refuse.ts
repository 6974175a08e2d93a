import { AppError } from '../../platform/errors.ts';

/** A file that cannot be taken, with a message the person who sent it can act on. */
export const refuseFile = (message: string) => new AppError('unsupported_media_type', message);
