/**
 * A phone number as shown to whoever may not see it in full, like a masked ID number: a mobile
 * number keeps its first 3 and last 4 digits (138****8000), the usual form in China; a shorter
 * number keeps only its last 2. Spaces, + - ( ) stay where they were.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  const keepHead = digits >= 11 ? 3 : 0;
  const keepTail = digits >= 7 ? 4 : Math.min(2, digits);
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    const i = seen++;
    return i < keepHead || i >= digits - keepTail ? d : '*';
  });
}

// A run of 7 or more digits, possibly with spaces, + - ( ) between them: a phone number inside free text.
const PHONE_IN_TEXT = /\+?\d[\d\s()-]{5,}\d/g;

/** Free text (an employer's contact: "李经理 13900139000") with every phone number in it masked. */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE_IN_TEXT, (run) => (run.replace(/\D/g, '').length >= 7 ? maskPhone(run) : run));
}
