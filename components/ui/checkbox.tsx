import type { InputHTMLAttributes, ReactNode } from "react";

export function Checkbox({
  label,
  description,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; description?: ReactNode }) {
  return (
    <label className="flex items-start gap-3 rounded-md py-1.5 text-sm">
      <input
        type="checkbox"
        className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-600 disabled:opacity-60"
        {...props}
      />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        {description && <span className="block text-xs text-slate-600">{description}</span>}
      </span>
    </label>
  );
}
