/** Thrown at a cooperation point after the reader pressed Stop. */
export class Interrupted extends Error {
  constructor(message = "interrupted: the run was stopped") {
    super(message);
    this.name = "Interrupted";
  }
}
