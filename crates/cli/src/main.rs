//! `tandem`: the core's checks and scoring on the command line, for people who collect workshop
//! documents or write their own question banks. Reads files, prints to stdout and stderr, and
//! touches nothing else.

use std::io::Read;
use std::process::ExitCode;

use tandem_core::{Bank, WorkshopDocument};

const USAGE: &str = "\
usage:
  tandem report FILE       recompute the report of a workshop document and print the document
  tandem check-bank FILE   check a question bank
FILE may be - for standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["report", file] => run(file, report),
        ["check-bank", file] => run(file, check_bank),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads `file`, hands its text to `command`, and prints what went wrong prefixed by the file
/// name, one problem per line.
fn run(file: &str, command: fn(&str) -> Result<String, String>) -> ExitCode {
    let text = match read(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("tandem: {file}: cannot read it: {error}");
            return ExitCode::FAILURE;
        }
    };
    match command(&text) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for line in problems.lines() {
                eprintln!("tandem: {file}: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn read(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

fn report(text: &str) -> Result<String, String> {
    let imported = WorkshopDocument::from_json(text).map_err(|invalid| invalid.to_string())?;
    for note in &imported.notes {
        eprintln!("tandem: note: {note}");
    }
    Ok(imported.document.to_json())
}

fn check_bank(text: &str) -> Result<String, String> {
    let bank = Bank::from_json(text).map_err(|invalid| invalid.to_string())?;
    let name = if bank.title.is_empty() {
        &bank.id
    } else {
        &bank.title
    };
    Ok(format!(
        "ok: {name}: {} dimensions, {} items\n",
        bank.dimensions.len(),
        bank.item_count()
    ))
}
