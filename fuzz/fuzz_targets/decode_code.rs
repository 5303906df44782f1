//! Any text handed to the response-code decoder gives a response or an error, never a panic; and
//! whatever decodes encodes back to the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem_core::Bank;
use tandem_core::code;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let bank = Bank::default_bank();
    let workshop = 0x5_a3c1;
    if let Ok(response) = code::decode(&bank, workshop, text) {
        let again = code::encode(&bank, &response);
        assert_eq!(code::decode(&bank, workshop, &again), Ok(response));
    }
});
