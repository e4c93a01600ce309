/** A GameLift service error, serialized as `{"__type": name, "message": ...}` with `status`. */
export class GameLiftError extends Error {
  public readonly status: number;
  public constructor(name: string, message: string, status = 400) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

const modeled = (name: string, status = 400) =>
  class extends GameLiftError {
    public constructor(message: string) {
      super(name, message, status);
    }
  };

export const InvalidRequestException = modeled("InvalidRequestException");
export const NotFoundException = modeled("NotFoundException");
export const ConflictException = modeled("ConflictException");
export const LimitExceededException = modeled("LimitExceededException");
export const UnknownOperationException = modeled("UnknownOperationException");
export const InvalidFleetStatusException = modeled("InvalidFleetStatusException");
export const InvalidGameSessionStatusException = modeled("InvalidGameSessionStatusException");
export const GameSessionFullException = modeled("GameSessionFullException");
export const FleetCapacityExceededException = modeled("FleetCapacityExceededException");
export const TerminalRoutingStrategyException = modeled("TerminalRoutingStrategyException");
export const IdempotentParameterMismatchException = modeled("IdempotentParameterMismatchException");
export const TaggingFailedException = modeled("TaggingFailedException");
export const ThrottlingException = modeled("ThrottlingException");
export const InternalServiceException = modeled("InternalServiceException", 500);
