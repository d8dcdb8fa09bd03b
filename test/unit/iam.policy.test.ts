import { assetIamMemberKind } from "../../provider/assetIamMember/kind";
import { assetIamPolicyKind } from "../../provider/assetIamPolicy/kind";
import { canonicalBindings, governedBindings, memberFailures, membersOf, withRole } from "../../provider/iam";

const policy = {
    etag: "e1",
    bindings: [
        { role: "roles/viewer", members: ["user:b@x.com", "allUsers"] },
        { role: "roles/owner", members: ["user:o@x.com"] },
        { role: "roles/viewer", members: ["user:b@x.com"] },
    ],
};

test("membersOf merges duplicate role bindings, sorted and unique", () => {
    expect(membersOf(policy, "roles/viewer")).toEqual(["allUsers", "user:b@x.com"]);
    expect(membersOf(policy, "roles/editor")).toEqual([]);
});

test("withRole sets one role's members and keeps the etag and other roles; [] drops the binding", () => {
    expect(withRole(policy, "roles/viewer", ["user:c@x.com"])).toEqual({
        etag: "e1",
        bindings: [
            { role: "roles/owner", members: ["user:o@x.com"] },
            { role: "roles/viewer", members: ["user:c@x.com"] },
        ],
    });
    expect(withRole(policy, "roles/viewer", []).bindings).toEqual([{ role: "roles/owner", members: ["user:o@x.com"] }]);
});

test("canonicalBindings sorts roles and drops empty bindings", () => {
    expect(canonicalBindings([{ role: "roles/z", members: [] }, ...policy.bindings])).toEqual([
        { role: "roles/owner", members: ["user:o@x.com"] },
        { role: "roles/viewer", members: ["allUsers", "user:b@x.com"] },
    ]);
});

test("a whole-policy declaration without owners neither governs nor compares them", () => {
    expect(governedBindings(policy.bindings, [{ role: "roles/viewer", members: [] }])).toEqual([
        { role: "roles/viewer", members: ["allUsers", "user:b@x.com"] },
    ]);
    expect(governedBindings(policy.bindings, [{ role: "roles/owner", members: [] }])).toHaveLength(2);
});

test.each([
    ["user:a@example.com", true],
    ["group:g@example.com", true],
    ["serviceAccount:sa@p.iam.gserviceaccount.com", true],
    ["domain:example.com", true],
    ["allUsers", true],
    ["allAuthenticatedUsers", true],
    ["a@example.com", false],
    ["user:nobody", false],
    ["domain:localhost", false],
    ["User:a@example.com", false],
    ["allusers", false],
])("member %s is valid: %s", (member, valid) => {
    expect(memberFailures(member, "member", "roles/viewer").length === 0).toBe(valid);
});

test.each([
    ["alice@example.com", "user:alice@example.com"],
    ["ci@my-project.iam.gserviceaccount.com", "serviceAccount:ci@my-project.iam.gserviceaccount.com"],
])("a bare email %s is answered with the member to write, %s", (member, fixed) => {
    expect(memberFailures(member, "member", "roles/viewer")).toEqual([
        { property: "member", reason: expect.stringContaining(`is not an IAM member; write "${fixed}"`) },
    ]);
});

test("the member kind: a project change updates, a role change replaces, the same declaration changes nothing", () => {
    const inputs = { assetName: "projects/p/assets/a", role: "roles/viewer", member: "user:b@x.com" };
    const kindSpec = assetIamMemberKind;
    expect(kindSpec.typeName).toBe("AssetIamMember");
    expect(kindSpec.diff({ ...inputs }, { ...inputs, project: "quota-p" })).toEqual({ changes: true });
    expect(kindSpec.diff({ ...inputs }, { ...inputs, role: "roles/editor" })).toMatchObject({ replaces: ["role"] });
    expect(kindSpec.diff({ ...inputs }, { ...inputs })).toEqual({ changes: false });
});

test("the policy kind normalises declared bindings at check", () => {
    const { inputs, failures } = assetIamPolicyKind.check({
        assetName: "projects/p/assets/a",
        bindings: [
            { role: "roles/viewer", members: ["user:b@x.com", "allUsers"] },
            { role: "roles/viewer", members: ["user:b@x.com"] },
        ],
    });
    expect(failures).toEqual([]);
    expect(inputs.bindings).toEqual([{ role: "roles/viewer", members: ["allUsers", "user:b@x.com"] }]);
});
