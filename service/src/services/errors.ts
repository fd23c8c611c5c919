/** Something the caller named does not exist (or is not synchronised yet). Routers answer it with 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
