//! The O-RAN filter grammar: `(op,attribute,value[,value…])` criteria joined by `;`, all of
//! which must match. A value holding a comma, parenthesis, semicolon, quote or space (or an
//! empty one) is single-quoted, a quote inside written twice.

use std::fmt;

/// An O-RAN filter expression, built criterion by criterion.
///
/// ```
/// use netweave_client::Filter;
/// let f = Filter::new().eq("extensions/country", "ES").r#in("name", ["a,b", "c"]);
/// assert_eq!(f.to_string(), "(eq,extensions/country,ES);(in,name,'a,b',c)");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter(Vec<String>);

fn quote(value: &str) -> String {
    let plain = !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '\''));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "''"))
    }
}

impl Filter {
    pub fn new() -> Filter {
        Filter::default()
    }

    fn with<I, V>(mut self, op: &str, attribute: &str, values: I) -> Filter
    where
        I: IntoIterator<Item = V>,
        V: AsRef<str>,
    {
        let values: Vec<String> = values.into_iter().map(|v| quote(v.as_ref())).collect();
        self.0
            .push(format!("({op},{attribute},{})", values.join(",")));
        self
    }

    pub fn eq(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("eq", attribute, [value])
    }
    pub fn neq(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("neq", attribute, [value])
    }
    pub fn gt(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("gt", attribute, [value])
    }
    pub fn gte(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("gte", attribute, [value])
    }
    pub fn lt(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("lt", attribute, [value])
    }
    pub fn lte(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("lte", attribute, [value])
    }
    pub fn cont(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("cont", attribute, [value])
    }
    pub fn ncont(self, attribute: &str, value: impl AsRef<str>) -> Filter {
        self.with("ncont", attribute, [value])
    }
    pub fn r#in<I: IntoIterator<Item = V>, V: AsRef<str>>(
        self,
        attribute: &str,
        values: I,
    ) -> Filter {
        self.with("in", attribute, values)
    }
    pub fn nin<I: IntoIterator<Item = V>, V: AsRef<str>>(
        self,
        attribute: &str,
        values: I,
    ) -> Filter {
        self.with("nin", attribute, values)
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(";"))
    }
}

impl From<Filter> for String {
    fn from(f: Filter) -> String {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_the_grammar_needs() {
        assert_eq!(quote("ES"), "ES");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("my pool"), "'my pool'");
        assert_eq!(quote("O'Brien"), "'O''Brien'");
        assert_eq!(quote("a;(b)"), "'a;(b)'");
        assert_eq!(
            Filter::new()
                .neq("name", "x")
                .nin("a/b", ["1", "2"])
                .to_string(),
            "(neq,name,x);(nin,a/b,1,2)"
        );
    }
}
