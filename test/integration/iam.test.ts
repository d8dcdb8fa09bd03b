import { type RunningEmulator, startEmulator } from "../../emulator";
import { AbortedError, type EarthEngineClient } from "../../provider/earthengine";
import { forgetDeclaredGrants, MAX_POLICY_ATTEMPTS, modifyPolicy, withRole } from "../../provider/iam";
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
    forgetDeclaredGrants();
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
        expect(result.failures?.[2].reason).toContain('write "user:ana@example.com"');
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

    test("refresh reads drift; destroy removes the declared grants and keeps the owners", async () => {
        await setOutOfBand([{ role: "roles/owner", members: ["user:owner@example.com"] }]);
        const { id, outs } = await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: ["allUsers"] }] });
        await setOutOfBand([{ role: "roles/editor", members: ["user:w@example.com"] }]);
        const refreshed = await policies.provider.read(id, outs);
        expect(refreshed.inputs).toMatchObject({ bindings: [{ role: "roles/editor", members: ["user:w@example.com"] }] });
        await policies.provider.delete(id, refreshed.props ?? {});
        expect(await policy()).toEqual([{ role: "roles/owner", members: ["user:owner@example.com"] }]);
    });
});

describe("members whose email IAM returns in another case (terraform-provider-google#3880, magic-modules#1957)", () => {
    test("AssetIamMember: adopted without a write, kept on refresh, removed on delete", async () => {
        await setOutOfBand([{ role: VIEWER, members: ["user:ana@example.com"] }]);
        const before = iamCalls().length;
        const { id, outs } = await members.created({ assetName: ASSET, role: VIEWER, member: "user:Ana@Example.com" });
        expect(iamCalls().slice(before)).toEqual([`POST ${ASSET}:getIamPolicy`]);
        expect((await members.provider.read(id, outs)).id).toBe(id);
        await members.provider.delete(id, outs);
        expect(await policy()).toEqual([]);
    });

    test("AssetIamBinding and AssetIamPolicy: no write and no diff after refresh", async () => {
        await setOutOfBand([{ role: VIEWER, members: ["allUsers", "user:ana@example.com"] }]);
        const declared = { assetName: ASSET, role: VIEWER, members: ["user:Ana@Example.com", "allUsers"] };
        const binding = await bindings.created(declared);
        const policyResource = await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: declared.members }] });
        expect(iamCalls().filter((c) => c.endsWith(":setIamPolicy"))).toHaveLength(1); // the out-of-band one
        const bindingRead = await bindings.provider.read(binding.id, binding.outs);
        expect(bindingRead.inputs).toMatchObject({ members: ["allUsers", "user:Ana@Example.com"] });
        expect(await bindings.provider.diff(binding.id, bindingRead.props ?? {}, binding.inputs)).toEqual({ changes: false });
        const policyRead = await policies.provider.read(policyResource.id, policyResource.outs);
        expect(await policies.provider.diff(policyResource.id, policyRead.props ?? {}, policyResource.inputs)).toEqual({ changes: false });
    });
});

describe("an image inside an image collection takes its access from the collection", () => {
    test("AssetIamMember on it fails saying to grant on the collection, and nothing is stored", async () => {
        await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=shared/ndvi", { type: "IMAGE_COLLECTION" });
        const image = "projects/test-project/assets/shared/ndvi/2024_01";
        const manifest = { name: image, tilesets: [{ id: "0", sources: [{ uris: ["gs://bucket/x.tif"] }] }] };
        await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", { imageManifest: manifest });
        const inputs = await members.checked({ assetName: image, role: VIEWER, member: "allUsers" });
        const error = await members.provider.create(inputs).catch((e: Error) => e);
        expect(String(error)).toContain("Grant on the collection instead: assetName: projects/test-project/assets/shared/ndvi");
        expect(String(error)).toContain(`Parent of the asset '${image}' is a collection; operation not allowed.`);
        expect(emulator.policy(image)).toEqual({ version: 1, etag: "ACAB" });
    });
});

describe("moving from AssetIamPolicy to members in one up (terraform-provider-google#1613)", () => {
    test("the policy's delete keeps grants a member or binding of the process declares, and the owners", async () => {
        await setOutOfBand([{ role: "roles/owner", members: ["user:owner@example.com"] }]);
        const old = await policies.created({
            assetName: ASSET,
            bindings: [
                { role: VIEWER, members: ["allUsers", "user:ana@example.com", "user:gone@example.com"] },
                { role: "roles/editor", members: ["user:w@example.com"] },
            ],
        });
        // As the engine runs it: the new resources are checked and created, the removed policy deleted last.
        await members.created({ assetName: ASSET, role: VIEWER, member: "allUsers" });
        await bindings.created({ assetName: ASSET, role: "roles/editor", members: ["user:W@example.com"] });
        await members.checked({ assetName: ASSET, role: VIEWER, member: "user:Ana@example.com" });
        await setOutOfBand([...(await policy()), { role: "roles/viewer", members: ["user:beside@example.com"] }]);
        await policies.provider.delete(old.id, old.outs);
        expect(await policy()).toEqual([
            { role: "roles/editor", members: ["user:w@example.com"] },
            { role: "roles/owner", members: ["user:owner@example.com"] },
            { role: VIEWER, members: ["allUsers", "user:ana@example.com", "user:beside@example.com"] },
        ]);
    });

    test("alone, the policy's delete removes what it declared and nothing else", async () => {
        const old = await policies.created({ assetName: ASSET, bindings: [{ role: VIEWER, members: ["allUsers"] }] });
        await setOutOfBand([...(await policy()), { role: "roles/editor", members: ["user:beside@example.com"] }]);
        await policies.provider.delete(old.id, old.outs);
        expect(await policy()).toEqual([{ role: "roles/editor", members: ["user:beside@example.com"] }]);
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
