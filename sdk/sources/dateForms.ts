/**
 * The date forms file names carry, read into Earth Engine times (RFC 3339, UTC). Each form has its
 * own shape, so a value names its form unambiguously; `dateForm` in a source's options restricts a
 * pattern to one of them.
 *
 * | form              | example                | start                  | its period (`endTime: "period"`) |
 * |-------------------|------------------------|------------------------|----------------------------------|
 * | `YYYY`            | `2024`                 | 2024-01-01T00:00:00Z   | one year                         |
 * | `YYYYMM`          | `202403`               | 2024-03-01T00:00:00Z   | one month                        |
 * | `YYYY-MM`         | `2024-03`              | 2024-03-01T00:00:00Z   | one month                        |
 * | `YYYYMMDD`        | `20240315`             | 2024-03-15T00:00:00Z   | one day                          |
 * | `YYYY-MM-DD`      | `2024-03-15`           | 2024-03-15T00:00:00Z   | one day                          |
 * | `YYYYDDD`         | `2024075` (day of year)| 2024-03-15T00:00:00Z   | one day                          |
 * | `YYYY-DDD`        | `2024-075`             | 2024-03-15T00:00:00Z   | one day                          |
 * | `YYYYMMDDTHHMMSS` | `20240315T103021`      | 2024-03-15T10:30:21Z   | none (an instant)                |
 * | `RFC3339`         | `2024-03-15T10:30:21Z` | as written, in UTC     | none (an instant)                |
 *
 * Times without a zone are UTC. Years run from 0001 to 9999 (the range of a protobuf Timestamp,
 * which Earth Engine's `startTime`/`endTime` are). A period's end is the first instant after it
 * (`2024-03` ends at 2024-04-01T00:00:00Z), as Earth Engine's date filters read an end: exclusive.
 */

export const DATE_FORMS = [
    "YYYY",
    "YYYYMM",
    "YYYY-MM",
    "YYYYMMDD",
    "YYYY-MM-DD",
    "YYYYDDD",
    "YYYY-DDD",
    "YYYYMMDDTHHMMSS",
    "RFC3339",
] as const;
export type DateForm = (typeof DATE_FORMS)[number];

type Period = "year" | "month" | "day" | undefined;
type Fields = { year: number; month?: number; day?: number; dayOfYear?: number; hour?: number; minute?: number; second?: number };

const SHAPES: Record<Exclude<DateForm, "RFC3339">, { shape: RegExp; period: Period; fields: (m: string[]) => Fields }> = {
    YYYY: { shape: /^(\d{4})$/, period: "year", fields: (m) => ({ year: +m[1] }) },
    YYYYMM: { shape: /^(\d{4})(\d{2})$/, period: "month", fields: (m) => ({ year: +m[1], month: +m[2] }) },
    "YYYY-MM": { shape: /^(\d{4})-(\d{2})$/, period: "month", fields: (m) => ({ year: +m[1], month: +m[2] }) },
    YYYYMMDD: { shape: /^(\d{4})(\d{2})(\d{2})$/, period: "day", fields: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
    "YYYY-MM-DD": { shape: /^(\d{4})-(\d{2})-(\d{2})$/, period: "day", fields: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
    YYYYDDD: { shape: /^(\d{4})(\d{3})$/, period: "day", fields: (m) => ({ year: +m[1], dayOfYear: +m[2] }) },
    "YYYY-DDD": { shape: /^(\d{4})-(\d{3})$/, period: "day", fields: (m) => ({ year: +m[1], dayOfYear: +m[2] }) },
    YYYYMMDDTHHMMSS: {
        shape: /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/,
        period: undefined,
        fields: (m) => ({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] }),
    },
};
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A date read from a name: its form, its start, and the end of the period it names (undefined for an instant). */
export interface ReadDate {
    form: DateForm;
    start: Date;
    periodEnd?: Date;
}

/**
 * `value` read in `form` (or in the one form its shape names), or what is wrong with it, as words
 * that follow the value: "is not a date: month 13 is not 01 to 12 (form YYYY-MM)", or for a value
 * of another form than `form` "is not of the form YYYYMM (like 202403); it has the form YYYYMMDD".
 */
export function readDate(value: string, form?: DateForm): ReadDate | { problem: string } {
    const forms = form ? [form] : DATE_FORMS;
    for (const candidate of forms) {
        if (candidate === "RFC3339") {
            const m = RFC3339.exec(value);
            if (!m) continue;
            const problem = fieldsProblem({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] });
            if (problem) return { problem: `is not a date: ${problem} (form RFC3339)` };
            return { form: candidate, start: new Date(value.replace(" ", "T")) };
        }
        const { shape, period, fields } = SHAPES[candidate];
        const m = shape.exec(value);
        if (!m) continue;
        const read = fields(m);
        const problem = fieldsProblem(read);
        if (problem) return { problem: `is not a date: ${problem} (form ${candidate})` };
        const start = startOf(read);
        return { form: candidate, start, periodEnd: period && endOf(start, period) };
    }
    if (!form) return { problem: `is not a date: it is of none of the date forms ${DATE_FORMS.join(", ")}` };
    const other = readDate(value);
    const has = "form" in other ? `; it has the form ${other.form}` : "";
    return { problem: `is not of the form ${form} (like ${EXAMPLES[form]})${has}` };
}

/** An example of each form, as the table above gives it. */
export const EXAMPLES: Record<DateForm, string> = {
    YYYY: "2024",
    YYYYMM: "202403",
    "YYYY-MM": "2024-03",
    YYYYMMDD: "20240315",
    "YYYY-MM-DD": "2024-03-15",
    YYYYDDD: "2024075",
    "YYYY-DDD": "2024-075",
    YYYYMMDDTHHMMSS: "20240315T103021",
    RFC3339: "2024-03-15T10:30:21Z",
};

/** An Earth Engine time: RFC 3339 in UTC, with milliseconds only when there are some. */
export function earthEngineTime(date: Date): string {
    return date.toISOString().replace(".000Z", "Z");
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

function fieldsProblem(f: Fields): string | undefined {
    if (f.year < 1) return "year 0000 is before 0001, the first year a timestamp holds";
    if (f.month !== undefined && (f.month < 1 || f.month > 12)) return `month ${f.month} is not 01 to 12`;
    if (f.day !== undefined && f.month !== undefined && (f.day < 1 || f.day > daysIn(f.year, f.month))) {
        return `day ${f.day} is not in ${f.year}-${String(f.month).padStart(2, "0")} (01 to ${daysIn(f.year, f.month)})`;
    }
    const days = isLeap(f.year) ? 366 : 365;
    if (f.dayOfYear !== undefined && (f.dayOfYear < 1 || f.dayOfYear > days))
        return `day of year ${f.dayOfYear} is not in ${f.year} (001 to ${days})`;
    if (f.hour !== undefined && f.hour > 23) return `hour ${f.hour} is not 00 to 23`;
    if (f.minute !== undefined && f.minute > 59) return `minute ${f.minute} is not 00 to 59`;
    if (f.second !== undefined && f.second > 59) return `second ${f.second} is not 00 to 59`;
    return undefined;
}

function startOf(f: Fields): Date {
    const date = new Date(0);
    date.setUTCFullYear(f.year, (f.month ?? 1) - 1, f.dayOfYear ?? f.day ?? 1);
    date.setUTCHours(f.hour ?? 0, f.minute ?? 0, f.second ?? 0, 0);
    return date;
}

function endOf(start: Date, period: "year" | "month" | "day"): Date {
    const end = new Date(start.getTime());
    if (period === "year") end.setUTCFullYear(end.getUTCFullYear() + 1);
    else if (period === "month") end.setUTCMonth(end.getUTCMonth() + 1);
    else end.setUTCDate(end.getUTCDate() + 1);
    return end;
}
