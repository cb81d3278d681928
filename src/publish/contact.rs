//! The contact details (`@contact`).

use super::builder::Builder;
use super::{Block, Cell, Table};

impl Builder<'_> {
    /// The table of the contact block `i`.
    pub(super) fn contact(&mut self, i: usize) {
        let doc = self.doc;
        let c = &doc.contacts[i];
        let mut table = Table::new("Contact", &["Contact", "Details"]);
        for (name, field) in [
            ("Name", &c.name),
            ("Email", &c.email),
            ("Telephone", &c.phone),
            ("Address", &c.address),
            ("Web", &c.web),
        ] {
            if let Some(value) = field {
                table.row(vec![
                    Cell::text(name),
                    Cell::text(linked(name, &value.value)),
                ]);
            }
        }
        self.blocks.push(Block::Table(table));
    }
}

/// An email address, a telephone number or a web address as a link readers can
/// follow (`mailto:`, `tel:`, `https:`); anything else as written.
fn linked(name: &str, value: &str) -> String {
    let value = value.trim();
    let plain = !value.contains(['[', ']', '(', ')']);
    match name {
        "Email" if plain && value.contains('@') && !value.contains(char::is_whitespace) => {
            format!("[{value}](mailto:{value})")
        }
        "Telephone" if plain => {
            let digits: String = value
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            if digits.len() >= 6 {
                format!("[{value}](tel:{digits})")
            } else {
                value.to_string()
            }
        }
        "Web" if plain && !value.contains(char::is_whitespace) => {
            if value.starts_with("https://") || value.starts_with("http://") {
                format!("[{value}]({value})")
            } else if value.starts_with("www.") {
                format!("[{value}](https://{value})")
            } else {
                value.to_string()
            }
        }
        _ => value.to_string(),
    }
}
