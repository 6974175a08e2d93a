// The file cleaner lives in modules/files; tips intake, the portal and the form parser import it from here.
export { cleanAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffType, type AttachmentType, type CleanAttachment } from '../files/clean-file.ts';
