/**
 * Iteration paths are compared as Azure DevOps compares classification paths: without regard to case.
 * The stored key and every lookup go through this one function.
 */
export function iterationKey(path: string): string {
  return path.toLowerCase();
}
