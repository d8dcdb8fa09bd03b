import { type RunningEmulator, startEmulator } from "../../emulator";
import { AbortedError, type EarthEngineClient } from "../../provider/earthengine";
import { MAX_POLICY_ATTEMPTS, modifyPolicy, withRole } from "../../provider/iam";
import { clientFor } from "../../provider/resource";
import { calls, kindUnderTest, outOfBand } from "./support/kinds";

// AssetIamMember, AssetIamBinding and AssetIamPolicy provider methods against the emulator.
const ASSET = "projects/test-project/assets/shared";
const VIEWER = "roles/viewer";

let emulator: RunningEmulator;
let members: Awaited<ReturnType<typeof kindUnderTest>>;
let bindings: Awaited<ReturnType<typeof kindUnderTest>>;
let policies: Awaited<ReturnType<typeof kindUnderTest>>;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    members = await kindUnderTest("AssetIamMember", emulator);
    bindings = await kindUnderTest("AssetIamBinding", emulator);
    policies = await kindUnderTest("AssetIamPolicy", emulator);
    await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=shared", { type: "FOLDER" });
});

const policy = async () => (await clientFor(undefined).getIamPolicy(ASSET)).bindings ?? [];
const setOutOfBand = (bindingsValue: unknown) =>
    outOfBand(emulator, "POST", `${ASSET}:setIamPolicy`, { policy: { bindings: bindingsValue } });
const iamCalls = () => calls(emulator).filter((c) => c.includes("IamPolicy"));

describe("check", () => {
    test("refuses malformed members and roles by property, before any request", async () => {
        const before = emulator.requests().length;
        const result = await members.provider.check({}, { assetName: "shared", role: "viewer", member: "ana@example.com" });
        expect(result.failures?.map((f) => f.property)).toEqual(["assetName", "role", "member"]);
        expect(result.failures?.[2].reason).toContain("user:<email>");
        expect(emulator.requests().length).toBe(before);
    });

    test("accepts every member form the clients write", async () => {
        for (const member of [
            "user:a@example.com",
            "group:g@example.com",
            "serviceAccount:sa@p.iam.gserviceaccount.com",
            "domain:example.com",
            "allUsers",
            "allAuthenticatedUsers",
        ]) {
            expect((await members.provider.check({}, { assetName: ASSET, role: VIEWER, member })).failures).toBeUndefined();
        }
    });

    test("public members only read", async () => {
        const result = await members.provider.check({}, { assetName: ASSET, role: "roles/editor", member: "allUsers" });
        expect(result.failures?.[0]).toMatchObject({ property: "member" });
        const policy = await policies.provider.check(
            {},
            { assetName: ASSET, bindings: [{ role: "roles/owner", members: ["user:a@example.com", "allUsers"] }] },
        );
        expect(policy.failures?.map((f) => f.property)).toEqual(["bindings[0].members[1]"]);
    });
});

describe("AssetIamMember", () => {
    test("adds one member, keeps the others, with the etag read", async () => {
        await setOutOfBand([{ role: VIEWER, members: ["user:other@example.com"] }]);
        const etagBefore = (await clientFor(undefined).getIamPolicy(ASSET)).etag;
        const { id, outs } = await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        expect(id).toBe(`${ASSET} ${VIEWER} allUsers`);
        expect(await policy()).toEqual([{ role: VIEWER, members: ["allUsers", "user:other@example.com"] }]);
        const set = emulator.requests().find((r) => r.path.endsWith(":setIamPolicy") && r.userProject === "quota-project");
        expect(set?.body).toMatchObject({ policy: { etag: etagBefore } });
        expect(outs).toEqual({ assetName: ASSET, role: VIEWER, member: "allUsers" }); // no etag: other grants change it
    });

    test("a member already present is adopted without setIamPolicy", async () => {
        await setOutOfBand([{ role: VIEWER, members: ["allUsers"] }]);
        const before = iamCalls().length;
        await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        expect(iamCalls().slice(before)).toEqual([`POST ${ASSET}:getIamPolicy`]);
    });

    test("20 members created at once on one asset: all present", async () => {
        const emails = Array.from({ length: 20 }, (_, i) => `user:reader${i}@example.com`);
        await Promise.all(emails.map((member) => members.created({ assetName: ASSET, role: VIEWER, member })));
        expect(await policy()).toEqual([{ role: VIEWER, members: [...emails].sort() }]);
        expect(iamCalls().filter((c) => c.endsWith(":setIamPolicy"))).toHaveLength(20);
        expect(emulator.requests().filter((r) => r.status === 409)).toEqual([]);
    });

    test("refresh: a member removed out of band is gone; delete removes only that member", async () => {
        const { id, outs } = await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        await members.created({ assetName: ASSET, role: VIEWER, member: "user:keep@example.com" });
        await members.provider.delete(id, outs);
        expect(await policy()).toEqual([{ role: VIEWER, members: ["user:keep@example.com"] }]);
        expect(await members.provider.read(id, outs)).toEqual({ id: "", props: {} });
    });

    test("deleting a member of an asset that is gone succeeds", async () => {
        const { id, outs } = await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        await outOfBand(emulator, "DELETE", ASSET);
        await expect(members.provider.delete(id, outs)).resolves.toBeUndefined();
    });

    test("a role or member change replaces", async () => {
        const { id, outs } = await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        const { diff } = await members.updated(id, outs, { assetName: ASSET, role: VIEWER, member: "allAuthenticatedUsers" });
        expect(diff).toMatchObject({ replaces: ["member"] });
    });
});

describe("AssetIamBinding", () => {
    test("sets exactly the role's members, leaves other roles, and updates in place", async () => {
        await setOutOfBand([
            { role: VIEWER, members: ["user:stray@example.com"] },
            { role: "roles/editor", members: ["user:w@example.com"] },
        ]);
        const { id, outs } = await bindings.created({
            assetName: ASSET,
            role: VIEWER,
            members: ["user:b@example.com", "allUsers", "allUsers"],
        });
        expect(outs.members).toEqual(["allUsers", "user:b@example.com"]);
        expect(await policy()).toEqual([
            { role: "roles/editor", members: ["user:w@example.com"] },
            { role: VIEWER, members: ["allUsers", "user:b@example.com"] },
        ]);
        const { diff, outs: after } = await bindings.updated(id, outs, { assetName: ASSET, role: VIEWER, members: ["allUsers"] });
        expect(diff).toEqual({ changes: true });
        expect(after?.members).toEqual(["allUsers"]);
        expect(await policy()).toContainEqual({ role: VIEWER, members: ["allUsers"] });
    });

    test("refresh reads members changed out of band", async () => {
        const { id, outs } = await bindings.created({ assetName: ASSET, role: VIEWER, members: ["allUsers"] });
        await setOutOfBand([{ role: VIEWER, members: ["allUsers", "user:x@example.com"] }]);
        expect((await bindings.provider.read(id, outs)).inputs).toMatchObject({ members: ["allUsers", "user:x@example.com"] });
    });
});

describe("AssetIamPolicy", () => {
    test("replaces the whole policy but keeps the owners it does not declare", async () => {
        await setOutOfBand([
            { role: "roles/owner", members: ["user:owner@example.com"] },
            { role: "roles/editor", members: ["user:w@example.com"] },
        ]);
        const { outs } = await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: ["allUsers"] }] });
        expect(outs.bindings).toEqual([{ role: VIEWER, members: ["allUsers"] }]);
        expect(outs.etag).toBe((await clientFor(undefined).getIamPolicy(ASSET)).etag);
        expect(await policy()).toEqual([
            { role: "roles/owner", members: ["user:owner@example.com"] },
            { role: VIEWER, members: ["allUsers"] },
        ]);
    });

    test("a policy already equal to the declaration is adopted without setIamPolicy", async () => {
        await setOutOfBand([
            { role: "roles/owner", members: ["user:owner@example.com"] },
            { role: VIEWER, members: ["allUsers"] },
        ]);
        const before = iamCalls().length;
        await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: ["allUsers"] }] });
        expect(iamCalls().slice(before)).toEqual([`POST ${ASSET}:getIamPolicy`]);
    });

    test("refresh reads drift; destroy leaves only the owners", async () => {
        await setOutOfBand([{ role: "roles/owner", members: ["user:owner@example.com"] }]);
        const { id, outs } = await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: ["allUsers"] }] });
        await setOutOfBand([{ role: "roles/editor", members: ["user:w@example.com"] }]);
        expect((await policies.provider.read(id, outs)).inputs).toMatchObject({
            bindings: [{ role: "roles/editor", members: ["user:w@example.com"] }],
        });
        await policies.provider.delete(id, outs);
        expect(await policy()).toEqual([{ role: "roles/owner", members: ["user:owner@example.com"] }]);
    });
});

describe("read-modify-write", () => {
    /** The real client, with `interfere` run after each policy read: another writer between our read and our write. */
    const racedClient = (interfere: (read: number) => Promise<unknown>): EarthEngineClient => {
        const real = clientFor(undefined);
        let reads = 0;
        return Object.assign(Object.create(real), {
            async getIamPolicy(name: string) {
                const read = await real.getIamPolicy(name);
                await interfere(++reads);
                return read;
            },
        });
    };

    test("a stale etag (409 ABORTED) is retried from a fresh read, losing neither write", async () => {
        const sleeps: number[] = [];
        const client = racedClient((read) =>
            read === 1 ? setOutOfBand([{ role: "roles/editor", members: ["user:w@example.com"] }]) : Promise.resolve(),
        );
        const result = await modifyPolicy(
            client,
            ASSET,
            (current) => withRole(current, VIEWER, ["allUsers"]),
            async (ms) => {
                sleeps.push(ms);
            },
        );
        expect(result.written).toBe(true);
        expect(
            emulator
                .requests()
                .filter((r) => r.path.endsWith(":setIamPolicy"))
                .map((r) => r.status),
        ).toEqual([200, 409, 200]);
        expect(sleeps).toHaveLength(1);
        expect(await policy()).toEqual([
            { role: "roles/editor", members: ["user:w@example.com"] },
            { role: VIEWER, members: ["allUsers"] },
        ]);
    });

    test("gives up after MAX_POLICY_ATTEMPTS conflicts with the ABORTED error", async () => {
        const client = racedClient((read) => setOutOfBand([{ role: "roles/editor", members: [`user:w${read}@example.com`] }]));
        await expect(
            modifyPolicy(
                client,
                ASSET,
                (p) => withRole(p, VIEWER, ["allUsers"]),
                async () => {},
            ),
        ).rejects.toBeInstanceOf(AbortedError);
        const ours = emulator.requests().filter((r) => r.path.endsWith(":setIamPolicy") && r.userProject === "quota-project");
        expect(ours.map((r) => r.status)).toEqual(Array(MAX_POLICY_ATTEMPTS).fill(409));
    });
});
