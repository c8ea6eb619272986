import { Api, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotApiEmulator, createBotApiEmulator } from "../../../dev/emulator/index.js";
import { refusalText } from "./refusal.js";

const TOKEN = "123456:DOCUMENT-UPLOADS";
const READER = 4242;

describe("the emulator's sendDocument (multipart uploads, as grammY sends them)", () => {
  let emu: BotApiEmulator;
  let api: Api;
  beforeEach(async () => {
    emu = await createBotApiEmulator({ token: TOKEN, botUsername: "doc_test_bot" });
    api = new Api(TOKEN, { apiRoot: emu.apiRoot });
    emu.user({ id: READER, first_name: "Ida", language_code: "en" });
  });
  afterEach(() => emu.close());

  it("should deliver an uploaded file with its name, type, size and caption", async () => {
    const content = '{ "hello": "wörld" }\n';
    const sent = await api.sendDocument(READER, new InputFile(Buffer.from(content), "data.json"), {
      caption: "<b>Your</b> data",
      parse_mode: "HTML",
    });
    expect(sent.document).toMatchObject({ file_name: "data.json", mime_type: "application/json" });
    expect(sent.document?.file_size).toBe(Buffer.byteLength(content));
    expect(sent.caption).toBe("Your data");
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);
    const [delivered] = emu.deliveredTo(READER);
    expect(delivered?.kind).toBe("document");
    expect(delivered?.document?.content).toBe(content);
  });

  it("should refuse what Telegram refuses: an empty file, a long caption, no document", async () => {
    expect(
      await refusalText(api.sendDocument(READER, new InputFile(Buffer.alloc(0), "empty.json"))),
    ).toBe("Bad Request: file must be non-empty");
    const file = new InputFile(Buffer.from("x"), "x.txt");
    expect(await refusalText(api.sendDocument(READER, file, { caption: "c".repeat(1025) }))).toBe(
      "Bad Request: message caption is too long",
    );
    expect(
      await refusalText(
        api.raw.sendDocument({ chat_id: READER } as unknown as Parameters<
          Api["raw"]["sendDocument"]
        >[0]),
      ),
    ).toBe("Bad Request: there is no document in the request");
    expect(emu.deliveredTo(READER)).toEqual([]);
  });
});
