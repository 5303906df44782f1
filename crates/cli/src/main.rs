//! `tandem`: the core's checks and scoring on the command line, for people who collect workshop
//! documents or write their own question banks. Reads files, prints to stdout and stderr, and
//! touches nothing else.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use tandem_core::export;
use tandem_core::{Bank, WorkshopDocument};

/// Recompute workshop reports and check question banks with the web app's own checks and
/// scoring.
#[derive(Parser)]
#[command(name = "tandem", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Recompute the report of one or more workshop documents and print it
    ///
    /// Every file is read and checked first, so nothing is printed unless all of them are valid.
    #[command(args_override_self = true)]
    Report {
        /// What to print
        #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
        format: Format,
        /// Workshop documents (- for standard input)
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
    },
    /// Check a question bank
    ///
    /// Prints the bank's name, dimensions and items, or every mistake with where it is.
    CheckBank {
        /// The question bank (- for standard input)
        #[arg(value_name = "FILE")]
        file: String,
    },
}

/// What `tandem report` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The workshop document (several files: combined into one)
    Json,
    /// One row per respondent and item, for each file
    Csv,
    /// One row per dimension, for each file (and all of them, when several)
    CsvSummary,
    /// The report as Markdown (several files: combined into one)
    Markdown,
}

/// Usage errors, `--help` and `--version` are clap's: it prints them and exits (2 for a wrong
/// call, 0 for help and the version).
fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Report { format, files } => report_command(format, &files),
        Command::CheckBank { file } => run(&file, check_bank),
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
            print!("{}", printable(&output));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for line in printable(&problems).lines() {
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

/// `tandem report [--format F] FILE...`: reads every file first, so nothing is printed unless
/// all of them are valid.
fn report_command(format: Format, files: &[String]) -> ExitCode {
    let mut documents = Vec::new();
    let mut failed = false;
    for file in files {
        let text = match read(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("tandem: {file}: cannot read it: {error}");
                failed = true;
                continue;
            }
        };
        match WorkshopDocument::from_json(&text) {
            Ok(imported) => {
                for note in &imported.notes {
                    eprintln!("tandem: {file}: note: {}", printable(note));
                }
                documents.push((file.to_owned(), imported.document));
            }
            Err(invalid) => {
                for line in printable(&invalid.to_string()).lines() {
                    eprintln!("tandem: {file}: {line}");
                }
                failed = true;
            }
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    match render(format, documents) {
        Ok(output) if format == Format::Json => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Ok(output) => {
            print!("{}", printable(&output));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for line in printable(&problems).lines() {
                eprintln!("tandem: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The name a document goes by in exports: its workshop's name, or the file it came from.
fn source(file: &str, document: &WorkshopDocument) -> String {
    document
        .workshop
        .as_ref()
        .map_or_else(|| file.to_owned(), |workshop| workshop.name.clone())
}

fn render(format: Format, documents: Vec<(String, WorkshopDocument)>) -> Result<String, String> {
    let several = documents.len() > 1;
    match format {
        Format::Csv => {
            let mut out = format!("{}\n", export::ANSWERS_HEADER);
            for (file, document) in &documents {
                export::append_answers(&mut out, document, &source(file, document));
            }
            Ok(out)
        }
        Format::CsvSummary => {
            let mut out = format!("{}\n", export::SUMMARY_HEADER);
            for (file, document) in &documents {
                export::append_summary(&mut out, document, &source(file, document));
            }
            if several {
                let all = export::combine(documents).map_err(|invalid| invalid.to_string())?;
                export::append_summary(&mut out, &all, "all");
            }
            Ok(out)
        }
        Format::Json | Format::Markdown => {
            let heading = match documents.as_slice() {
                [(file, document)] => format!("Friction report: {}", source(file, document)),
                _ => format!("Friction report: {} workshops", documents.len()),
            };
            let document = if several {
                export::combine(documents).map_err(|invalid| invalid.to_string())?
            } else {
                documents
                    .into_iter()
                    .next()
                    .map(|(_, d)| d)
                    .ok_or_else(|| "no workshop documents".to_owned())?
            };
            Ok(if format == Format::Json {
                document.to_json()
            } else {
                export::report_markdown(&document, &heading, tandem_core::i18n::Locale::En)
            })
        }
    }
}

/// Text with every control character a terminal would act on (ESC, a carriage return, a C1
/// code) written as an escape, `\u{1b}`, so a name in a file cannot move the cursor, recolour or
/// retitle the terminal. Line breaks and tabs stay. JSON needs none of this: it escapes them itself.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
