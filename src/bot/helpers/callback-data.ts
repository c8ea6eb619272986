/**
 * One scheme for every button's callback_data: `prefix:value1:value2`, so a feature
 * never hand-rolls a regex or re-encodes a value to compare it.
 *
 *   const topicButton = createCallbackData("topic", ["id"]);
 *   keyboard.text(label, topicButton.pack({ id: "ai" }));         // "topic:ai"
 *   feature.callbackQuery(topicButton.filter, (ctx) => {
 *     const data = topicButton.unpack(ctx.callbackQuery.data);   // { id: "ai" } | undefined
 *   });
 *
 * Values are plain strings: each feature still checks what they mean (a topic id, a
 * zone) because a tap can carry forged or stale data.
 */

/** Telegram refuses callback_data longer than this (counted in UTF-8 bytes). */
export const MAX_CALLBACK_DATA_BYTES = 64;
const SEPARATOR = ":";

export interface CallbackData<Field extends string> {
  readonly prefix: string;
  /** Matches this scheme's data (right prefix, right number of values); for `bot.callbackQuery`. */
  readonly filter: RegExp;
  /** The data for a button; throws on a value that holds ":" or data over 64 bytes (a bug, not input). */
  pack(values: Readonly<Record<Field, string | number>>): string;
  /** The values a tap carries, or undefined when the data is not this scheme's. */
  unpack(data: string | undefined): Record<Field, string> | undefined;
}

const PREFIX_PATTERN = /^[a-z][a-z0-9-]*$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function createCallbackData<const Field extends string>(
  prefix: string,
  fields: readonly Field[],
): CallbackData<Field> {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new Error(`callback prefix "${prefix}" must be lowercase letters, digits or -`);
  }
  if (fields.length === 0 || new Set(fields).size !== fields.length) {
    throw new Error(`callback "${prefix}" needs one or more distinct fields`);
  }
  const filter = new RegExp(
    `^${escapeRegExp(prefix)}${`${SEPARATOR}[^${SEPARATOR}]*`.repeat(fields.length)}$`,
    "s",
  );

  return {
    prefix,
    filter,
    pack(values) {
      const parts = fields.map((field) => {
        const value = String(values[field]);
        if (value.includes(SEPARATOR)) {
          throw new Error(`callback "${prefix}" field ${field} may not hold "${SEPARATOR}"`);
        }
        return value;
      });
      const data = [prefix, ...parts].join(SEPARATOR);
      const bytes = Buffer.byteLength(data, "utf8");
      if (bytes > MAX_CALLBACK_DATA_BYTES) {
        throw new Error(
          `callback "${prefix}" data is ${bytes} bytes; Telegram allows ${MAX_CALLBACK_DATA_BYTES}`,
        );
      }
      return data;
    },
    unpack(data) {
      if (data === undefined || !filter.test(data)) return undefined;
      const parts = data.split(SEPARATOR).slice(1);
      return Object.fromEntries(
        fields.map((field, index) => [field, parts[index] ?? ""]),
      ) as Record<Field, string>;
    },
  };
}
