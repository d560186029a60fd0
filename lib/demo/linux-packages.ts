import type { Role } from './windows-vendor';

/**
 * Linux software by role, as the files it drops: `/etc/cron.d/*` fragments, per-user crontab lines and systemd
 * timers. Texts follow the Debian/Ubuntu packages they imitate.
 */

export interface CronLine {
  user: string;
  line: string;
}

export interface TimerDef {
  unit: string;
  /** Period in hours and the hour-of-day phase of the next elapse, for the list-timers rendering. */
  periodHours: number;
  phase: number;
}

export interface LinuxPackage {
  id: string;
  share: Partial<Record<Role, number>>;
  cronD?: (n: number) => { name: string; text: string };
  crontab?: (n: number) => CronLine[];
  timers?: TimerDef[];
}

export const ETC_CRONTAB = `# /etc/crontab: system-wide crontab
# Unlike any other crontab you don't have to run the \`crontab'
# command to install the new version when you edit this file
# and files in /etc/cron.d. These files also have username fields,
# that none of the other crontabs do.

SHELL=/bin/sh
# You can also override PATH, but by default, newer versions inherit it from the environment
#PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

# Example of job definition:
# .---------------- minute (0 - 59)
# |  .------------- hour (0 - 23)
# |  |  .---------- day of month (1 - 31)
# |  |  |  .------- month (1 - 12) OR jan,feb,mar,apr ...
# |  |  |  |  .---- day of week (0 - 6) (Sunday=0 or 7) OR sun,mon,tue,wed,thu,fri,sat
# |  |  |  |  |
# *  *  *  *  * user-name command to be executed
17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly
25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }
47 6\t* * 7\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }
52 6\t1 * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.monthly; }
#
`;

/** Timers every Debian/Ubuntu server has. */
export const BASE_TIMERS: TimerDef[] = [
  { unit: 'apt-daily-upgrade', periodHours: 24, phase: 6.4 },
  { unit: 'apt-daily', periodHours: 12, phase: 5.3 },
  { unit: 'dpkg-db-backup', periodHours: 24, phase: 0 },
  { unit: 'e2scrub_all', periodHours: 168, phase: 3.2 },
  { unit: 'fstrim', periodHours: 168, phase: 1.1 },
  { unit: 'logrotate', periodHours: 24, phase: 0 },
  { unit: 'man-db', periodHours: 24, phase: 0 },
  { unit: 'systemd-tmpfiles-clean', periodHours: 24, phase: 7.5 },
];

export const LINUX_PACKAGES: readonly LinuxPackage[] = [
  {
    id: 'e2fsprogs',
    share: { web: 1, db: 1, build: 1, server: 1 },
    cronD: () => ({
      name: 'e2scrub_all',
      text:
        '30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron\n' +
        '10 3 * * * root test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r\n',
    }),
  },
  {
    id: 'sysstat',
    share: { web: 0.6, db: 0.8, build: 0.4, server: 0.6 },
    cronD: () => ({
      name: 'sysstat',
      text:
        '# The first element of the path is a directory where the debian-sa1\n# script is located\n' +
        'PATH=/usr/lib/sysstat:/usr/sbin:/usr/sbin:/usr/bin:/sbin:/bin\n\n' +
        '# Activity reports every 10 minutes everyday\n5-55/10 * * * * root command -v debian-sa1 > /dev/null && debian-sa1 1 1\n\n' +
        '# Additional run at 23:59 to rotate the statistics file\n59 23 * * * root command -v debian-sa1 > /dev/null && debian-sa1 60 2\n',
    }),
  },
  {
    id: 'php',
    share: { web: 0.85 },
    cronD: (n) => ({
      name: 'php',
      text:
        `# /etc/cron.d/php@8.${2 + (n % 2)}: crontab fragment for PHP\n#  This purges session files in session.save_path older than X,\n` +
        '#  where X is defined in seconds as the largest value of\n#  session.gc_maxlifetime from all your SAPI php.ini files\n' +
        '#  or 24 minutes if not defined.  The script triggers only\n#  when session.save_handler=files.\n#\n\n' +
        '# Look for and purge old sessions every 30 minutes\n' +
        '09,39 *     * * *     root   [ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi\n',
    }),
    timers: [{ unit: 'phpsessionclean', periodHours: 0.5, phase: 0.15 }],
    // Laravel's scheduler runs every minute by design: a benign every-minute job common to the web tier.
    crontab: () => [{ user: 'www-data', line: '* * * * * cd /var/www/app && php artisan schedule:run >> /dev/null 2>&1' }],
  },
  {
    id: 'certbot',
    share: { web: 0.9 },
    cronD: () => ({
      name: 'certbot',
      text:
        '# /etc/cron.d/certbot: crontab entries for the certbot package\n#\n# Upstream recommends attempting renewal twice a day\n#\n' +
        '# Eventually, this will be an opportunity to validate certificates\n# haven\'t been revoked, etc.  Renewal will only occur if expiration\n# is within 30 days.\n' +
        'SHELL=/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\n\n' +
        "0 */12 * * * root test -x /usr/bin/certbot -a \\! -d /run/systemd/system && perl -e 'sleep int(rand(43200))' && certbot -q renew\n",
    }),
    timers: [{ unit: 'certbot', periodHours: 12, phase: 3.7 }],
  },
  {
    id: 'postgresql',
    share: { db: 0.9 },
    crontab: (n) => [
      { user: 'postgres', line: `30 2 * * * /usr/lib/postgresql/1${5 + (n % 2)}/bin/vacuumdb --all --analyze-in-stages --quiet` },
      { user: 'postgres', line: '45 2 * * * pg_dumpall -c | gzip > /var/backups/postgresql/all-$(date +\\%F).sql.gz' },
    ],
  },
  {
    id: 'restic-backup',
    share: { web: 0.5, db: 1, build: 0.3, server: 0.7 },
    // The binary lives under a versioned folder: upgrades change a version-like path part.
    crontab: (n) => [{ user: 'root', line: `15 1 * * * /opt/restic/0.17.${1 + n}/restic backup --quiet --files-from /etc/restic/paths >> /var/log/restic.log 2>&1` }],
  },
  {
    id: 'node-exporter-textfile',
    share: { web: 0.7, db: 0.7, build: 0.7, server: 0.7 },
    crontab: () => [{ user: 'root', line: '*/5 * * * * /usr/local/bin/textfile-collector.sh > /var/lib/prometheus/node-exporter/custom.prom.$$ && mv /var/lib/prometheus/node-exporter/custom.prom.$$ /var/lib/prometheus/node-exporter/custom.prom' }],
  },
  {
    id: 'docker-prune',
    share: { build: 1 },
    crontab: () => [
      { user: 'jenkins', line: '0 3 * * * /usr/bin/docker system prune -af --filter "until=72h" > /dev/null 2>&1' },
      { user: 'jenkins', line: '@daily find /var/lib/jenkins/workspace -maxdepth 1 -mtime +14 -exec rm -rf {} +' },
    ],
  },
  {
    id: 'logwatch',
    share: { server: 0.4, db: 0.3 },
    timers: [{ unit: 'logwatch', periodHours: 24, phase: 6.1 }],
  },
];
