//! Response codes: one participant's answers as a short, checksummed text that travels without a
//! server (read aloud, typed, pasted, opened as a link or scanned as a QR code). Owns the format
//! of `docs/response-code.md`; knows nothing of screens.
//!
//! Version 1 is a bit stream written in Crockford base32 (digits and capitals without I, L, O,
//! U). The stream is: version (4 bits), bank fingerprint (16), workshop code (20), respondent
//! key (30), role (2), one 3-bit value per item in bank order (0 unanswered, 1–5 the rating,
//! 6 don't know), one 3-bit value per dimension for the estimate (0 none, 1–5), then a CRC-16 of
//! everything before it, then zero bits up to a whole character. A second-round code (answers
//! given again after discussion) says so in the same first four bits, `2`, and carries no
//! estimates, so neither round's box can take the other's code. A CRC of degree 16 detects
//! every burst of up to 16 wrong bits; one wrong character spoils at most 5 adjacent bits and
//! two swapped neighbours at most 10, so every such mistake is caught.

use std::fmt::Write as _;

use crate::bank::{Bank, Dimension, fingerprint};
use crate::i18n::Locale;
use crate::respondent::{Rating, Respondent, Role};

/// The version this Tandem writes for a first-round response. Decoding dispatches on the
/// version, so a later Tandem can still read version 1.
pub const VERSION: u8 = 1;
/// The first four bits of a second-round response: version 1's layout without estimates.
pub const SECOND_ROUND: u8 = 2;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const HEADER_BITS: usize = 4 + 16 + 20 + 30 + 2;
const CRC_BITS: usize = 16;
/// Bits in a workshop code and a respondent key.
const WORKSHOP_BITS: u32 = 20;
const KEY_BITS: u32 = 30;

/// Which round of a workshop a response answers: the individual assessment, or the dimensions
/// answered again after discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Round {
    #[default]
    First,
    Second,
}

impl Round {
    /// The four bits a code of this round starts with.
    fn kind(self) -> u8 {
        match self {
            Round::First => VERSION,
            Round::Second => SECOND_ROUND,
        }
    }

    /// The dimensions whose estimates a code of this round carries: every one in the first
    /// round, none in the second.
    fn estimated(self, bank: &Bank) -> &[Dimension] {
        match self {
            Round::First => &bank.dimensions,
            Round::Second => &[],
        }
    }

    fn of_kind(kind: u64) -> Option<Round> {
        match kind {
            1 => Some(Round::First),
            2 => Some(Round::Second),
            _ => None,
        }
    }
}

/// A participant's answers as carried by a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The round answered; a second-round respondent gives no estimates.
    pub round: Round,
    /// The workshop the answers are for: 20 bits, shown as four characters.
    pub workshop: u32,
    /// A random number chosen on the participant's device, so two people with the same answers
    /// are two respondents and the same code imported twice is one.
    pub key: u32,
    pub respondent: Respondent,
}

/// Why a code was refused. Each message says what happened; nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Nothing but spaces and dashes.
    #[error("{}", self.message(Locale::En))]
    Empty,
    /// A character that never appears in a code.
    #[error("{}", self.message(Locale::En))]
    Character { position: usize, character: char },
    /// Too few or too many characters for this question bank.
    #[error("{}", self.message(Locale::En))]
    Length { found: usize, expected: usize },
    /// Far longer than any code for this bank (more than twice its length): not a code at all,
    /// whatever its first character says about a version.
    #[error("{}", self.message(Locale::En))]
    NotACode { found: usize, expected: usize },
    /// The checksum does not match: a character was mistyped, swapped or changed.
    #[error("{}", self.message(Locale::En))]
    Checksum,
    /// Written by a later Tandem.
    #[error("{}", self.message(Locale::En))]
    Version(u8),
    /// Made with another question bank.
    #[error("{}", self.message(Locale::En))]
    OtherBank,
    /// Made for another workshop.
    #[error("{}", self.message(Locale::En))]
    OtherWorkshop { found: String, expected: String },
    /// Checks out but holds a value no Tandem writes.
    #[error("{}", self.message(Locale::En))]
    Malformed,
    /// A sound code of the other round: a second-round code where first-round answers are
    /// collected, or the reverse. `found` is the round it belongs to.
    #[error("{}", self.message(Locale::En))]
    Round { found: Round },
    /// A second-round code for a workshop that re-rates no dimension yet.
    #[error("{}", self.message(Locale::En))]
    NoSecondRound,
    /// A second-round code answering a dimension the workshop does not re-rate (made from an
    /// older second-round link, before the facilitator changed the dimensions).
    #[error("{}", self.message(Locale::En))]
    NotRerated,
}

impl CodeError {
    /// What went wrong, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CodeError::Empty => locale.text("error.code.empty").to_owned(),
            CodeError::Character {
                position,
                character,
            } => locale.format(
                "error.code.character",
                &[("position", position), ("character", character)],
            ),
            CodeError::Length { found, expected } => locale.format(
                "error.code.length",
                &[("found", found), ("expected", expected)],
            ),
            CodeError::NotACode { found, expected } => locale.format(
                "error.code.not-a-code",
                &[("found", found), ("expected", expected)],
            ),
            CodeError::Checksum => locale.text("error.code.checksum").to_owned(),
            CodeError::Version(value) => locale.format("error.code.version", &[("0", value)]),
            CodeError::OtherBank => locale.text("error.code.other-bank").to_owned(),
            CodeError::OtherWorkshop { found, expected } => locale.format(
                "error.code.other-workshop",
                &[("found", found), ("expected", expected)],
            ),
            CodeError::Malformed => locale.text("error.code.malformed").to_owned(),
            CodeError::Round {
                found: Round::First,
            } => locale.text("error.code.first-round").to_owned(),
            CodeError::Round {
                found: Round::Second,
            } => locale.text("error.code.second-round").to_owned(),
            CodeError::NoSecondRound => locale.text("error.code.no-second-round").to_owned(),
            CodeError::NotRerated => locale.text("error.code.not-rerated").to_owned(),
        }
    }
}

/// A workshop's code: 20 bits derived from its id, so it needs no storage of its own and stays
/// the same for the life of the workshop.
#[must_use]
pub fn workshop_code(workshop_id: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in workshop_id.as_bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash >> 12) ^ (hash & mask(WORKSHOP_BITS))
}

/// A respondent key as a code carries it: its low 30 bits.
#[must_use]
pub fn respondent_key(key: u32) -> u32 {
    key & mask(KEY_BITS)
}

/// How many characters a first-round code has for this bank.
#[must_use]
pub fn length(bank: &Bank) -> usize {
    length_in(bank, Round::First)
}

/// How many characters a code of `round` has for this bank.
#[must_use]
pub fn length_in(bank: &Bank, round: Round) -> usize {
    payload_bits(bank, round).div_ceil(5)
}

fn payload_bits(bank: &Bank, round: Round) -> usize {
    HEADER_BITS + 3 * bank.item_count() + 3 * round.estimated(bank).len() + CRC_BITS
}

/// A workshop code as its four characters.
#[must_use]
pub fn workshop_text(workshop: u32) -> String {
    let mut bits = Bits::default();
    bits.push(u64::from(workshop), 20);
    bits.to_text()
}

/// The longest workshop name a join link carries, in characters: enough to recognise the
/// workshop, short enough to keep its QR code easy to scan.
const JOIN_NAME_CHARS: usize = 60;

/// What follows `#join/` in a join link: `<bank id>/<workshop code>/<workshop name>`, the name
/// percent-encoded, so the participant sees which workshop they answer for.
#[must_use]
pub fn join_path(bank_id: &str, workshop: u32, name: &str) -> String {
    JoinLink::to(bank_id, workshop, name).path()
}

/// The workshop's name as a join link carries it: at most [`JOIN_NAME_CHARS`] characters, a
/// cut name ending in "…" so the participant can tell it is cut.
#[must_use]
pub fn join_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= JOIN_NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(JOIN_NAME_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The parts of a join link after `#join/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinLink {
    pub bank_id: String,
    /// The workshop code as written; [`parse_workshop`] reads it.
    pub workshop: String,
    /// The workshop's name; `None` for a link without one (links made before names were
    /// carried) or a name that is not text.
    pub name: Option<String>,
    /// A second-round link's re-rated dimensions, as indices into the bank; `None` for the
    /// first round's link.
    pub rerated: Option<Vec<usize>>,
}

impl JoinLink {
    /// The join link of workshop code `workshop` in bank `bank_id`, carrying `name` (see
    /// [`join_name`]).
    #[must_use]
    pub fn to(bank_id: &str, workshop: u32, name: &str) -> JoinLink {
        JoinLink {
            bank_id: bank_id.to_owned(),
            workshop: workshop_text(workshop),
            name: Some(join_name(name)).filter(|name| !name.is_empty()),
            rerated: None,
        }
    }

    /// The second-round link of workshop code `workshop`: the same, re-rating the dimensions
    /// of `bank` named by `rerated` (ids), carried as their indices.
    #[must_use]
    pub fn again(bank: &Bank, workshop: u32, name: &str, rerated: &[String]) -> JoinLink {
        JoinLink {
            rerated: Some(
                rerated
                    .iter()
                    .filter_map(|id| bank.dimension_index(id))
                    .collect(),
            ),
            ..JoinLink::to(&bank.id, workshop, name)
        }
    }

    /// A second-round link's dimensions as the ids of `bank`; `None` when one is not in the
    /// bank or none is named (a broken link), or for a first-round link.
    #[must_use]
    pub fn rerated_ids(&self, bank: &Bank) -> Option<Vec<String>> {
        let ids: Option<Vec<String>> = self
            .rerated
            .as_ref()?
            .iter()
            .map(|&d| bank.dimensions.get(d).map(|dimension| dimension.id.clone()))
            .collect();
        ids.filter(|ids| !ids.is_empty())
    }

    /// The re-rated dimensions as the link carries them: `2.5`.
    fn rerated_part(&self) -> Option<String> {
        self.rerated.as_ref().map(|rerated| {
            rerated
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
    }

    /// What follows `#join/`, the name percent-encoded for the address bar.
    #[must_use]
    pub fn path(&self) -> String {
        let mut path = format!("{}/{}/", self.bank_id, self.workshop);
        if let Some(rerated) = self.rerated_part() {
            path.push_str(&rerated);
            path.push('/');
        }
        for byte in self.name.as_deref().unwrap_or_default().bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                path.push(char::from(byte));
            } else {
                // Writing to a String cannot fail.
                let _ = write!(path, "%{byte:02X}");
            }
        }
        path
    }

    /// What follows `#join/` as a person reads it: the name as text.
    #[must_use]
    pub fn shown(&self) -> String {
        let rerated = self
            .rerated_part()
            .map(|rerated| format!("{rerated}/"))
            .unwrap_or_default();
        format!(
            "{}/{}/{rerated}{}",
            self.bank_id,
            self.workshop,
            self.name.as_deref().unwrap_or_default()
        )
    }
}

/// Reads what follows `#join/`. Never fails: what is missing is empty, and the participant's
/// page says the link is broken.
#[must_use]
pub fn parse_join(rest: &str) -> JoinLink {
    parse_link(rest, false)
}

/// Reads what follows `#again/` (a second-round link): `<bank id>/<workshop code>/<re-rated
/// dimensions>/<workshop name>`, the dimensions as bank indices joined by `.`. Never fails: a
/// link whose dimensions cannot be read re-rates none, and the participant's page says the
/// link is broken.
#[must_use]
pub fn parse_again(rest: &str) -> JoinLink {
    parse_link(rest, true)
}

fn parse_link(rest: &str, again: bool) -> JoinLink {
    let mut parts = rest.splitn(if again { 4 } else { 3 }, '/');
    let bank_id = parts.next().unwrap_or_default().to_owned();
    let workshop = parts.next().unwrap_or_default().to_owned();
    // Each dimension once, in the order given (a sort would cost the participant's page 3 KB).
    let rerated = again.then(|| {
        let mut rerated: Vec<usize> = Vec::new();
        for index in parts.next().unwrap_or_default().split('.') {
            let Ok(index) = index.parse() else { break };
            if !rerated.contains(&index) {
                rerated.push(index);
            }
        }
        rerated
    });
    let name = parts
        .next()
        .and_then(percent_decoded)
        .map(|name| name.chars().take(JOIN_NAME_CHARS).collect::<String>())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty() && !name.chars().any(char::is_control));
    JoinLink {
        bank_id,
        workshop,
        name,
        rerated,
    }
}

fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Four characters as a workshop code, or `None` when they are not one.
#[must_use]
pub fn parse_workshop(text: &str) -> Option<u32> {
    let symbols = symbols(text).ok()?;
    if symbols.len() != 4 {
        return None;
    }
    let bits = Bits::from_symbols(&symbols);
    u32::try_from(bits.read(0, 20)).ok()
}

/// Writes a response as a code for `bank`. Answers to items the bank lacks are not carried, nor
/// are a second-round response's estimates.
#[must_use]
pub fn encode(bank: &Bank, response: &Response) -> String {
    let mut bits = Bits::default();
    bits.push(u64::from(response.round.kind()), 4);
    bits.push(u64::from(fingerprint(bank)), 16);
    bits.push(u64::from(response.workshop & mask(WORKSHOP_BITS)), 20);
    bits.push(u64::from(response.key & mask(KEY_BITS)), 30);
    let role = match response.respondent.role {
        Role::Marketing => 0,
        Role::It => 1,
        Role::Other => 2,
    };
    bits.push(role, 2);
    for (_, item) in bank.items() {
        let value = match response.respondent.answers.get(&item.id) {
            None => 0,
            Some(Some(rating)) => u64::from(rating.value()),
            Some(None) => 6,
        };
        bits.push(value, 3);
    }
    for dimension in response.round.estimated(bank) {
        let estimate = response
            .respondent
            .estimates
            .get(&dimension.id)
            .map_or(0, |rating| u64::from(rating.value()));
        bits.push(estimate, 3);
    }
    let crc = crc16(&bits);
    bits.push(u64::from(crc), 16);
    bits.to_text()
}

/// Reads a code made for `bank` and the workshop `expected`. Spaces, dashes and case are
/// ignored, and the look-alikes I, L and O are read as 1, 1 and 0.
///
/// # Errors
/// [`CodeError`] saying what is wrong; nothing is half-read.
pub fn decode(bank: &Bank, expected: u32, text: &str) -> Result<Response, CodeError> {
    let symbols = symbols(text)?;
    if symbols.is_empty() {
        return Err(CodeError::Empty);
    }
    let bits = Bits::from_symbols(&symbols);
    // The version is read first, so a later format can have another length; it also says the
    // round, whose codes have their own length.
    let version = u8::try_from(bits.read(0, 4)).unwrap_or(u8::MAX);
    let round = Round::of_kind(bits.read(0, 4));
    let (found, full) = (symbols.len(), length_in(bank, round.unwrap_or_default()));
    if found > 2 * length(bank) {
        return Err(CodeError::NotACode {
            found,
            expected: full,
        });
    }
    if found != full {
        if version > SECOND_ROUND {
            return Err(CodeError::Version(version));
        }
        return Err(CodeError::Length {
            found,
            expected: full,
        });
    }
    let payload = payload_bits(bank, round.unwrap_or_default());
    let data = bits.prefix(payload - CRC_BITS);
    let crc_ok = u64::from(crc16(&data)) == bits.read(payload - CRC_BITS, CRC_BITS)
        && bits.read(payload, bits.len() - payload) == 0;
    if !crc_ok {
        return Err(CodeError::Checksum);
    }
    let Some(round) = round else {
        return Err(CodeError::Version(version));
    };
    if bits.read(4, 16) != u64::from(fingerprint(bank)) {
        return Err(CodeError::OtherBank);
    }
    let workshop = u32::try_from(bits.read(20, 20)).map_err(|_| CodeError::Malformed)?;
    if workshop != expected & mask(WORKSHOP_BITS) {
        return Err(CodeError::OtherWorkshop {
            found: workshop_text(workshop),
            expected: workshop_text(expected),
        });
    }
    let key = u32::try_from(bits.read(40, 30)).map_err(|_| CodeError::Malformed)?;
    let role = match bits.read(70, 2) {
        0 => Role::Marketing,
        1 => Role::It,
        2 => Role::Other,
        _ => return Err(CodeError::Malformed),
    };
    let mut respondent = Respondent::new(respondent_id(key), role);
    let mut at = HEADER_BITS;
    for (_, item) in bank.items() {
        match bits.read(at, 3) {
            0 => {}
            6 => {
                respondent.answers.insert(item.id.clone(), None);
            }
            value => {
                let rating = rating(value).ok_or(CodeError::Malformed)?;
                respondent.answers.insert(item.id.clone(), Some(rating));
            }
        }
        at += 3;
    }
    for dimension in round.estimated(bank) {
        match bits.read(at, 3) {
            0 => {}
            value => {
                let rating = rating(value).ok_or(CodeError::Malformed)?;
                if role == Role::Other {
                    return Err(CodeError::Malformed);
                }
                respondent.estimates.insert(dimension.id.clone(), rating);
            }
        }
        at += 3;
    }
    Ok(Response {
        round,
        workshop,
        key,
        respondent,
    })
}

/// One code found in pasted text, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// The code as it was pasted, for showing beside its result.
    pub text: String,
    pub result: Result<Response, CodeError>,
}

/// Reads every code in pasted text: separated by any whitespace, commas or semicolons, grouped
/// or not, or as response links (`…#code/…`). Tokens are gathered until they make one code's length, so a code split into groups by
/// spaces is still one code, and a truncated code is reported on its own instead of swallowing
/// the next one.
#[must_use]
pub fn decode_all(bank: &Bank, expected: u32, text: &str) -> Vec<Pasted> {
    // A code's length follows from its round, which its first character tells.
    let full_after = |first: &str| {
        let round = symbols(&first.chars().take(1).collect::<String>())
            .ok()
            .and_then(|symbols| symbols.first().copied())
            .and_then(|symbol| Round::of_kind(u64::from(symbol >> 1)));
        length_in(bank, round.unwrap_or_default())
    };
    let mut full = length(bank);
    let mut found = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut pending_symbols = 0;
    let mut flush = |pending: &mut Vec<&str>, pending_symbols: &mut usize, full: usize| {
        if !pending.is_empty() {
            let text = pending.join(" ");
            let result = decode(bank, expected, &text);
            // Words around the codes in a pasted chat ("[10:01] Anna: here is mine", "Cheers,
            // Anna") are not a code: far shorter than one and refused for a character no code
            // has or for a first character no code starts with, or with several characters no
            // code has. A code with a typo is as long as a code with one or two such characters,
            // and a code cut short starts as a code does: both are reported.
            let short = *pending_symbols * 2 < full;
            let chat = match result {
                Err(CodeError::Character { .. }) => short || foreign_characters(&text) >= 3,
                Err(CodeError::Version(_)) => short,
                _ => false,
            };
            if !chat {
                found.push(Pasted { text, result });
            }
            pending.clear();
            *pending_symbols = 0;
        }
    };
    // A response link pasted whole stands for the code after its `#code/`.
    let tokens = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|token| token.rsplit_once("#code/").map_or(token, |(_, code)| code))
        .filter(|token| !token.is_empty());
    for token in tokens {
        let symbols = token.chars().filter(|&c| c != '-').count();
        if pending_symbols > 0 && pending_symbols + symbols > full {
            flush(&mut pending, &mut pending_symbols, full);
        }
        if pending.is_empty() {
            full = full_after(token);
        }
        pending.push(token);
        pending_symbols += symbols;
        if pending_symbols >= full {
            flush(&mut pending, &mut pending_symbols, full);
        }
    }
    flush(&mut pending, &mut pending_symbols, full);
    found
}

/// The respondent id a code's key becomes: the same code always gives the same respondent, so
/// importing it twice changes nothing.
#[must_use]
pub fn respondent_id(key: u32) -> String {
    let mut bits = Bits::default();
    bits.push(u64::from(key & mask(KEY_BITS)), 30);
    format!("code-{}", bits.to_text())
}

/// A code split into groups of four characters for reading aloud or typing: `1F3K-…`. Groups
/// are of characters, not bytes, so a refused code with any character in it is shown whole.
#[must_use]
pub fn grouped(code: &str) -> String {
    code.chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Pasted text as it is shown beside its result: grouped, and cut to its first 60 characters
/// with "…" when longer (no code is), so 10,000 pasted characters do not bury the reason.
#[must_use]
pub fn echoed(text: &str) -> String {
    const SHOWN: usize = 60;
    let grouped = grouped(&text.replace([' ', '-'], ""));
    if grouped.chars().count() <= SHOWN {
        return grouped;
    }
    let mut cut: String = grouped.chars().take(SHOWN).collect();
    cut.push('…');
    cut
}

fn rating(value: u64) -> Option<Rating> {
    u8::try_from(value).ok().and_then(Rating::new)
}

fn mask(bits: u32) -> u32 {
    (1 << bits) - 1
}

/// How many characters of `text` can appear in no code, separators aside.
fn foreign_characters(text: &str) -> usize {
    text.chars()
        .filter(|&c| !c.is_whitespace() && c != '-')
        .filter(|c| symbols(&c.to_string()).is_err())
        .count()
}

/// The symbol values of a code, ignoring separators and case.
fn symbols(text: &str) -> Result<Vec<u8>, CodeError> {
    let mut symbols = Vec::with_capacity(text.len());
    for (position, character) in text.chars().enumerate() {
        if character.is_whitespace() || character == '-' {
            continue;
        }
        let normalised = match character.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        };
        let value = ALPHABET
            .iter()
            .position(|&symbol| char::from(symbol) == normalised)
            .and_then(|value| u8::try_from(value).ok())
            .ok_or(CodeError::Character {
                position: position + 1,
                character,
            })?;
        symbols.push(value);
    }
    Ok(symbols)
}

/// A growable string of bits, most significant first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Bits(Vec<bool>);

impl Bits {
    fn push(&mut self, value: u64, width: usize) {
        for shift in (0..width).rev() {
            self.0.push((value >> shift) & 1 == 1);
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// `width` bits from `at` as a number; missing bits read as zero.
    fn read(&self, at: usize, width: usize) -> u64 {
        (at..at + width).fold(0, |value, i| {
            (value << 1) | u64::from(*self.0.get(i).unwrap_or(&false))
        })
    }

    fn prefix(&self, length: usize) -> Bits {
        Bits(self.0[..length.min(self.0.len())].to_vec())
    }

    fn from_symbols(symbols: &[u8]) -> Bits {
        let mut bits = Bits::default();
        for &symbol in symbols {
            bits.push(u64::from(symbol), 5);
        }
        bits
    }

    /// The bits as base32 text, padded with zero bits to a whole character.
    fn to_text(&self) -> String {
        let mut padded = self.clone();
        while !padded.len().is_multiple_of(5) {
            padded.0.push(false);
        }
        (0..padded.len() / 5)
            .map(|i| {
                let value = usize::try_from(padded.read(i * 5, 5)).unwrap_or_default();
                char::from(ALPHABET[value])
            })
            .collect()
    }
}

/// CRC-16/CCITT (polynomial 0x1021, initial value 0xFFFF) over a bit string.
fn crc16(bits: &Bits) -> u16 {
    let mut crc: u16 = 0xffff;
    for &bit in &bits.0 {
        let top = (crc >> 15) & 1 == 1;
        crc <<= 1;
        if top != bit {
            crc ^= 0x1021;
        }
    }
    crc
}
