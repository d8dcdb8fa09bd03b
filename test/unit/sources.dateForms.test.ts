import * as fs from "node:fs";
import * as path from "node:path";
import { type DateForm, earthEngineTime, readDate } from "../../sdk/sources/dateForms";

type Row = [value: string, form: DateForm, start: string, periodEnd: string | null];
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/sources/date-forms.json"), "utf8")) as {
    valid: Row[];
    invalid: [value: string, problem: string][];
};

test.each(fixture.valid)("%j is read as %s, starting %s, its period ending %s", (value, form, start, periodEnd) => {
    const read = readDate(value);
    if ("problem" in read) throw new Error(read.problem);
    expect(read.form).toBe(form);
    expect(earthEngineTime(read.start)).toBe(start);
    expect(read.periodEnd ? earthEngineTime(read.periodEnd) : null).toBe(periodEnd);
});

test.each(fixture.invalid)("%j is refused: %s", (value, problem) => {
    expect(readDate(value)).toEqual({ problem });
});

test("a form given restricts the value to it; a value of another form is named as such, not as 'not a date'", () => {
    expect(readDate("2024-03-15", "YYYYMMDD")).toEqual({
        problem: "is not of the form YYYYMMDD (like 20240315); it has the form YYYY-MM-DD",
    });
    expect(readDate("20240102", "YYYYMM")).toEqual({ problem: "is not of the form YYYYMM (like 202403); it has the form YYYYMMDD" });
    expect(readDate("2024_01", "YYYYMM")).toEqual({ problem: "is not of the form YYYYMM (like 202403)" });
    expect(readDate("20240315", "YYYYMMDD")).toMatchObject({ form: "YYYYMMDD" });
});
