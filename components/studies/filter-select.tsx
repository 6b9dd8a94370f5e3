/** One filter of a study search (the members' library and the public one): a choice, or any. */
export function FilterSelect(props: {
  name: string;
  label: string;
  any: string;
  options: { value: string; label: string }[];
  value: string;
}) {
  return (
    <div className="field">
      <label htmlFor={`study-${props.name}`}>{props.label}</label>
      <select id={`study-${props.name}`} name={props.name} defaultValue={props.value}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
