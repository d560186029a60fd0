import { z } from 'zod';

const FORMATS = ['autoruns', 'schtasks', 'taskxml', 'scheduledtask_csv', 'cron', 'systemd', 'launchd', 'at', 'osquery', 'task_events'] as const;

/** Metadata fields of POST /api/v1/uploads (multipart, next to the "file" part). */
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
  format: z.enum(FORMATS).optional().transform((v) => v ?? null),
});

export type UploadFields = z.infer<typeof uploadFieldsSchema>;
