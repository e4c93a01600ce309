/** Base error of the local stage runner. */
export class StageError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StageError";
  }
}

/** A part of the stage could not start. */
export class StageStartError extends StageError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StageStartError";
  }
}

/** No Java runtime for DynamoDB Local. */
export class MissingJavaError extends StageError {
  public constructor() {
    super(
      "Java 17+ is required for DynamoDB Local: install a JRE (e.g. `apt-get install openjdk-17-jre-headless`) and make sure `java` is on PATH.",
    );
    this.name = "MissingJavaError";
  }
}
