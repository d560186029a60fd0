import { ensureBuild } from '../../scripts/commands/build-check';
import { DIST_DIR } from './server';

/**
 * One production build for every server these tests start (npm test passes the e2e run's, already fresh).
 * TASKLENS_NO_BUILD=1 uses the build as it is (while others edit the tree, every edit would mean a rebuild).
 */
export default function setup() {
  process.env.TASKLENS_DIST_DIR = DIST_DIR;
  if (process.env.TASKLENS_NO_BUILD !== '1') ensureBuild(process.cwd());
}
