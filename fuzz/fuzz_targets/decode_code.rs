//! Any text handed to the response-code decoder gives a response or an error, never a panic; and
//! whatever decodes encodes back to the same code.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tandem_core::Bank;
use tandem_core::code;

/// Parsed once: the fuzzer's time goes to the decoder, not to reading the bank.
static BANK: OnceLock<Bank> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bank = BANK.get_or_init(Bank::default_bank);
    let workshop = 0x5_a3c1;
    if let Ok(response) = code::decode(bank, workshop, text) {
        let again = code::encode(bank, &response);
        assert_eq!(code::decode(bank, workshop, &again), Ok(response));
    }
});
