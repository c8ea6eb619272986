import { GrammyError } from "grammy";

/** The GrammyError a Bot API call fails with; fails the test if the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/** The description Telegram gives with a refusal ("Bad Request: …"). */
export async function refusalText(call: Promise<unknown>): Promise<string> {
  return (await refusal(call)).description;
}
