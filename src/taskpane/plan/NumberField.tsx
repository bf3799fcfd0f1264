import { Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { readNumber, shownNumber, type NumberDraft } from "./number-draft";

interface Props {
  readonly label: string;
  readonly value: number;
  /** A finished number the clerk typed; an unfinished entry is not passed on. */
  readonly onChange: (n: number) => void;
  readonly className?: string;
  readonly inputClassName?: string;
}

/**
 * A target's number, controlled by the target: the field shows the number that goes into the template (see
 * shownNumber), and a half-typed entry goes back to it when the field loses focus.
 */
export function NumberField({ label, value, onChange, className, inputClassName }: Props) {
  const [draft, setDraft] = useState<NumberDraft | null>(null);
  return (
    <Field label={label} className={className}>
      <Input
        className={inputClassName}
        type="number"
        value={shownNumber(value, draft)}
        onChange={(_, d) => {
          setDraft({ text: d.value, from: value });
          const n = readNumber(d.value);
          if (Number.isFinite(n)) onChange(n);
        }}
        onBlur={() => setDraft(null)}
      />
    </Field>
  );
}
