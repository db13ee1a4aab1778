//! CSV bytes of a table, written by the `csv` crate in one of two dialects: the standard one
//! (RFC 4180: `,`, CRLF) and Dutch Excel's (`;`, a UTF-8 byte-order mark, CRLF, decimal comma).

use super::tables::Cell;

/// How the CSV is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// RFC 4180: comma-separated, CRLF line ends, decimal point, no byte-order mark.
    #[default]
    Standard,
    /// What Dutch Excel opens right: `;`-separated, UTF-8 with byte-order mark, CRLF, decimal
    /// comma; text starting with = + - @ gets a leading `'` so Excel never runs it as a formula.
    ExcelNl,
}

impl Dialect {
    fn separator(self) -> u8 {
        match self {
            Dialect::Standard => b',',
            Dialect::ExcelNl => b';',
        }
    }

    /// A cell as this dialect writes it.
    pub fn field(self, cell: &Cell) -> String {
        match cell {
            Cell::Minutes(x) | Cell::Number(x) if self == Dialect::ExcelNl => {
                x.to_string().replace('.', ",")
            }
            Cell::Text(t) if self == Dialect::ExcelNl && super::tables::looks_like_formula(t) => {
                format!("'{t}")
            }
            other => other.plain(),
        }
    }
}

/// A whole table with its header row.
pub fn write(header: &[&str], rows: &[Vec<Cell>], dialect: Dialect) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (rows.len() + 1));
    if dialect == Dialect::ExcelNl {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(dialect.separator())
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(header);
        for row in rows {
            let _ = writer.write_record(row.iter().map(|c| dialect.field(c)));
        }
        let _ = writer.flush();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let bytes = write(
            &["a", "b"],
            &[vec![text("x, y"), text("zei \"nee\"\nen ging")]],
            Dialect::Standard,
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "a,b\r\n\"x, y\",\"zei \"\"nee\"\"\nen ging\"\r\n"
        );
    }

    #[test]
    fn excel_nl_has_a_bom_semicolons_and_decimal_commas() {
        let bytes = write(
            &["naam", "min"],
            &[vec![text("Chloë; W."), Cell::Minutes(2.5)]],
            Dialect::ExcelNl,
        );
        assert_eq!(
            bytes,
            "\u{feff}naam;min\r\n\"Chloë; W.\";2,5\r\n".as_bytes()
        );
    }

    #[test]
    fn excel_nl_keeps_formulas_as_text() {
        let bytes = write(&["t"], &[vec![text("=1+1")]], Dialect::ExcelNl);
        assert!(String::from_utf8(bytes).unwrap().ends_with("'=1+1\r\n"));
    }
}
