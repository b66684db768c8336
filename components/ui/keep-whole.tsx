import { Fragment } from 'react';

// Receipt, contract and document numbers inside running text («квитанция R-202611-50010002»)
// and ranges («12–24 часа») must never be split at their hyphens or dashes: «R-» on one line and
// the rest on the next reads as two things. Such a token (a digit and a «-», «–» or «/») is kept
// on one line; the text is left as it is, so a copied number is the real one.

const numbered = /^(?=.*\d)(?=.*[-/–]).+$/;

export function KeepWhole({ text }: { text: string }) {
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((part, i) =>
        numbered.test(part) ? (
          <span key={i} className="whitespace-nowrap">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
