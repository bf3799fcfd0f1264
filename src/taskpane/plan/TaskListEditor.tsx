import {
  Button,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useId, useRef } from "react";
import type { Op, RollUpMethod, Scope, Target } from "../../core/plan/types";
import { useStrings } from "../shell/strings-context";
import {
  addKeyed,
  markChecked,
  removeKeyed,
  replaceKeyed,
  withIndicator,
  withMethod,
  withWeight,
  withNumber,
  withOp,
  withScope,
  withUnitOfMeasure,
  type KeyedTaskList,
} from "./edit-task-list";
import { NumberField } from "./NumberField";
import { ReviewMarker } from "./ReviewMarker";
import { ReviewSummary } from "./ReviewSummary";
import { targetLabel, targetsToCheck } from "./targets-to-check";

const OPS: readonly Op[] = [">=", "<=", "=", "between", "approx"];
const SCOPES: readonly Scope[] = ["each", "total"];
const METHODS: readonly RollUpMethod[] = ["sum", "ratio", "mean"];

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    marginTop: 0,
    marginBottom: 0,
    paddingTop: 0,
    paddingRight: 0,
    paddingBottom: 0,
    paddingLeft: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  task: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  taskTitle: { fontWeight: tokens.fontWeightSemibold },
  target: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingRight: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    // Reached from the 请核对 list by a link: show where focus landed.
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  // A target to check: a warning-coloured edge beside the marker that says 请核对 and why.
  toCheck: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusWarningBorder2}` },
  wide: { gridColumn: "1 / -1" },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  actions: { gridColumn: "1 / -1", display: "flex", justifyContent: "flex-end" },
});

interface Props {
  readonly list: KeyedTaskList;
  readonly onChange: (next: KeyedTaskList) => void;
}

/**
 * The parsed tasks with their targets, every target editable, for review before the template is built. Each editor
 * is keyed by its target's key, not its position, and every field is controlled by the target: what the pane shows
 * is what goes into the template.
 */
export function TaskListEditor({ list, onChange }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const { taskList, keys } = list;
  const indexed = taskList.targets.map((target, index) => ({ target, index, key: keys[index]! }));
  const baseId = useId();
  const editorId = (key: number) => `${baseId}target-${key}`;
  return (
    <>
      <ReviewSummary items={targetsToCheck(taskList)} editorId={(index) => editorId(keys[index]!)} />
      <ol
        className={styles.list}
        aria-label={s.taskListTitle(taskList.tasks.length, taskList.targets.length)}
      >
        {taskList.tasks.map((task) => (
          <li key={task.id} className={styles.task}>
            <Text className={styles.taskTitle} block>
              {task.path.join(" ")} {task.title}
            </Text>
            {indexed
              .filter(({ target }) => target.task === task.id)
              .map(({ target, index, key }) => (
                <TargetEditor
                  key={key}
                  id={editorId(key)}
                  target={target}
                  label={targetLabel(task, target)}
                  onChange={(t) => onChange(replaceKeyed(list, index, t))}
                  onRemove={() => onChange(removeKeyed(list, index))}
                />
              ))}
            <Button
              appearance="subtle"
              size="small"
              icon={<AddRegular />}
              onClick={() => onChange(addKeyed(list, task.id, s.newIndicator))}
              aria-label={`${s.addTarget}: ${task.path.join("")} ${task.title}`}
            >
              {s.addTarget}
            </Button>
          </li>
        ))}
      </ol>
    </>
  );
}

interface TargetProps {
  readonly id: string;
  readonly target: Target;
  readonly label: string;
  readonly onChange: (t: Target) => void;
  readonly onRemove: () => void;
}

function TargetEditor({ id, target, label, onChange, onRemove }: TargetProps) {
  const s = useStrings();
  const styles = useStyles();
  const group = useRef<HTMLDivElement>(null);
  const toCheck = target.review.length > 0;
  const markerId = `${id}-review`;
  const num = (field: "value" | "min" | "max", value: number) => (
    <NumberField
      key={field}
      label={s[field]}
      value={value}
      className={styles.field}
      inputClassName={styles.input}
      onChange={(n) => onChange(withNumber(target, field, n))}
    />
  );
  return (
    <div
      ref={group}
      id={id}
      tabIndex={-1}
      className={mergeClasses(styles.target, toCheck && styles.toCheck)}
      role="group"
      aria-label={label}
      aria-describedby={toCheck ? markerId : undefined}
      data-testid="target"
    >
      {toCheck && (
        <ReviewMarker
          id={markerId}
          reasons={target.review}
          label={label}
          onMarkChecked={() => {
            // The button goes with the marker: keep focus on the target, not lost to the page.
            group.current?.focus();
            onChange(markChecked(target));
          }}
        />
      )}
      <Field label={s.indicator} className={styles.wide}>
        <Input
          className={styles.input}
          value={target.indicator}
          onChange={(_, d) => onChange(withIndicator(target, d.value))}
        />
      </Field>
      <Field label={s.op} className={styles.field}>
        <Select
          className={styles.input}
          value={target.op}
          onChange={(_, d) => onChange(withOp(target, d.value as Op))}
        >
          {OPS.map((op) => (
            <option key={op} value={op}>
              {s.opLabels[op]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.unitOfMeasure} className={styles.field}>
        <Input
          className={styles.input}
          value={target.unitOfMeasure ?? ""}
          onChange={(_, d) => onChange(withUnitOfMeasure(target, d.value))}
        />
      </Field>
      {target.op === "between" ? (
        <>
          {num("min", target.min)}
          {num("max", target.max)}
        </>
      ) : (
        num("value", target.value)
      )}
      <Field label={s.scope} hint={s.scopeReason(target.scopeReason)} className={styles.wide}>
        <Select
          className={styles.input}
          value={target.scope}
          onChange={(_, d) => onChange(withScope(target, d.value as Scope))}
        >
          {SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {s.scopeLabels[scope]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.method} className={styles.wide}>
        <Select
          className={styles.input}
          value={target.method}
          onChange={(_, d) => onChange(withMethod(target, d.value as RollUpMethod))}
        >
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {s.methodLabels[method]}
            </option>
          ))}
        </Select>
      </Field>
      {target.method === "mean" ? (
        <Field label={s.weight} hint={s.weightHint} className={styles.wide}>
          <Input
            className={styles.input}
            value={target.weight ?? ""}
            placeholder={s.weightPlaceholder}
            onChange={(_, d) => onChange(withWeight(target, d.value))}
          />
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button
          appearance="subtle"
          icon={<DeleteRegular />}
          onClick={onRemove}
          aria-label={`${s.removeTarget}: ${label}`}
        >
          {s.removeTarget}
        </Button>
      </div>
    </div>
  );
}
