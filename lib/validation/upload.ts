import { z } from 'zod';

const FORMATS = ['autoruns', 'schtasks', 'taskxml', 'scheduledtask_csv', 'cron', 'systemd', 'launchd', 'at', 'osquery', 'task_events'] as const;
const LABEL = /^[a-z][a-z0-9_.-]{0,39}=[^,\u0000-\u001f]{1,100}$/i;

/** Metadata fields of POST /api/v1/uploads (multipart, next to the "file" part) and of `tasklens ingest`. */
export const uploadFieldsSchema = z.object({
  host: z
    .string()
    .trim()
    .max(255)
    .regex(/^[^\u0000-\u001f]*$/, 'host must not contain control characters')
    .optional()
    .transform((v) => v || null),
  collectedAt: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'collectedAt must be an ISO-8601 date-time' });
        return z.NEVER;
      }
      return d;
    }),
  // An empty form select means "detect".
  format: z.preprocess((v) => (v === '' ? undefined : v), z.enum(FORMATS).optional()).transform((v) => v ?? null),
  /** Peer-group labels for every host in the upload: `role=dc,site=paris`. */
  labels: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v, ctx) => {
      const out: Record<string, string> = {};
      for (const part of (v ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
        if (!LABEL.test(part)) {
          ctx.addIssue({ code: 'custom', message: `labels: "${part}" is not key=value` });
          return z.NEVER;
        }
        const [key, ...rest] = part.split('=');
        out[key.toLowerCase()] = rest.join('=').trim();
      }
      return out;
    }),
  /** `wait=false` answers 202 at once; the upload is then followed at /api/v1/uploads/{id}. */
  wait: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v !== 'false' && v !== '0'),
});

export type UploadFields = z.infer<typeof uploadFieldsSchema>;
