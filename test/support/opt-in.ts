/** Tests too slow or too environment-bound for every run, asked for by name (TEST_DISK_FULL=1). */
export const optedIn = (name: 'TEST_DISK_FULL'): boolean => process.env[name] === '1';
