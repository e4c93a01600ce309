/** One shape of GameLift's service model, reduced to what request validation needs. */
export interface ShapeConstraints {
  readonly type:
    | "structure"
    | "list"
    | "map"
    | "string"
    | "integer"
    | "long"
    | "float"
    | "double"
    | "boolean"
    | "timestamp"
    | "blob";
  /** Members that must be present (structures). */
  readonly required?: readonly string[];
  /** Member name → shape name (structures). */
  readonly members?: Readonly<Record<string, string>>;
  /** Element shape (lists). */
  readonly member?: string;
  /** Key and value shapes (maps). */
  readonly key?: string;
  readonly value?: string;
  /** Length bounds (strings, lists, maps, blobs) or value bounds (numbers). */
  readonly min?: number;
  readonly max?: number;
  /** A regular expression the whole string must match. */
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** Values are not echoed in messages. */
  readonly sensitive?: boolean;
}
