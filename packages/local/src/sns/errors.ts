/**
 * An SNS API error in SNS's own terms: the error code (`InvalidParameter`, `NotFound`, ...) and the
 * HTTP status the Query API answers with. Thrown by {@link LocalSns} and rendered by the SNS server.
 */
export class SnsError extends Error {
  public readonly code: string;
  public readonly status: number;

  public constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = "SnsError";
    this.code = code;
    this.status = status;
  }
}
