//! The O-RAN filter grammar (O2ims spec, common `filter` parameter; ETSI NFV-SOL 013 §5.2):
//! `(op,attribute,value[,value…])` criteria joined by `;`, all of which must match.
//! Operators: eq neq gt gte lt lte cont ncont in nin. Values may be single-quoted (a quote
//! inside is written twice) and then hold commas, parentheses and semicolons. Attributes are
//! field references, `a/b` descending into nested objects such as `extensions`.
//!
//! Comparison is typed by the attribute's value: numbers compare numerically, booleans by
//! `true`/`false`, strings lexically. A list attribute matches when any element does. A
//! missing attribute matches only the negative operators (neq, ncont, nin).

use std::{cmp::Ordering, fmt};

use serde_json::Value;

use super::attributes::{Attr, Attributes};

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Neq,
    Gt,
    Gte,
    Lt,
    Lte,
    Cont,
    Ncont,
    In,
    Nin,
}

impl Op {
    fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "eq" => Op::Eq,
            "neq" => Op::Neq,
            "gt" => Op::Gt,
            "gte" => Op::Gte,
            "lt" => Op::Lt,
            "lte" => Op::Lte,
            "cont" => Op::Cont,
            "ncont" => Op::Ncont,
            "in" => Op::In,
            "nin" => Op::Nin,
            _ => return None,
        })
    }

    fn takes_many(self) -> bool {
        matches!(self, Op::In | Op::Nin)
    }
}

/// One `(op,attribute,values…)` criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub op: Op,
    pub path: Vec<String>,
    pub values: Vec<String>,
}

/// A parsed filter; the empty filter matches everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    criteria: Vec<Criterion>,
}

/// Why a filter expression was rejected; `position` counts characters from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    pub position: usize,
    pub message: String,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid filter at character {}: {}",
            self.position, self.message
        )
    }
}

impl std::error::Error for FilterError {}

impl Filter {
    /// Parses `expr`, accepting only attributes whose first segment is in `fields`.
    pub fn parse(expr: &str, fields: &[&str]) -> Result<Filter, FilterError> {
        Parser::new(expr, fields).filter()
    }

    /// Parses an optional expression; absent or blank means "match everything".
    pub fn parse_opt(expr: Option<&str>, fields: &[&str]) -> Result<Filter, FilterError> {
        match expr {
            Some(e) if !e.trim().is_empty() => Filter::parse(e, fields),
            _ => Ok(Filter::default()),
        }
    }

    /// A filter of already-validated criteria, for grammars that compile to this engine.
    pub fn from_criteria(criteria: Vec<Criterion>) -> Filter {
        Filter { criteria }
    }

    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }

    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    pub fn matches<T: Attributes + ?Sized>(&self, object: &T) -> bool {
        self.criteria
            .iter()
            .all(|c| c.matches(object.lookup(&c.path)))
    }
}

impl Criterion {
    fn matches(&self, attr: Attr<'_>) -> bool {
        let first = &self.values[0];
        match self.op {
            Op::Eq => any_scalar(&attr, |s| s.equals(first)),
            Op::Neq => !any_scalar(&attr, |s| s.equals(first)),
            Op::In => any_scalar(&attr, |s| self.values.iter().any(|v| s.equals(v))),
            Op::Nin => !any_scalar(&attr, |s| self.values.iter().any(|v| s.equals(v))),
            Op::Cont => any_scalar(&attr, |s| s.contains(first)),
            Op::Ncont => !any_scalar(&attr, |s| s.contains(first)),
            Op::Gt => any_scalar(&attr, |s| s.compare(first) == Some(Ordering::Greater)),
            Op::Gte => any_scalar(&attr, |s| {
                matches!(s.compare(first), Some(Ordering::Greater | Ordering::Equal))
            }),
            Op::Lt => any_scalar(&attr, |s| s.compare(first) == Some(Ordering::Less)),
            Op::Lte => any_scalar(&attr, |s| {
                matches!(s.compare(first), Some(Ordering::Less | Ordering::Equal))
            }),
        }
    }
}

/// A single comparable value taken from an attribute.
enum Scalar<'a> {
    Str(&'a str),
    Num(f64),
    Bool(bool),
    Null,
}

impl Scalar<'_> {
    fn equals(&self, v: &str) -> bool {
        self.compare(v) == Some(Ordering::Equal)
    }

    fn compare(&self, v: &str) -> Option<Ordering> {
        match self {
            Scalar::Str(s) => Some((*s).cmp(v)),
            Scalar::Num(n) => v.trim().parse::<f64>().ok().and_then(|x| n.partial_cmp(&x)),
            Scalar::Bool(b) => v.parse::<bool>().ok().map(|x| b.cmp(&x)),
            Scalar::Null => (v == "null").then_some(Ordering::Equal),
        }
    }

    fn contains(&self, v: &str) -> bool {
        match self {
            Scalar::Str(s) => s.contains(v),
            Scalar::Num(n) => n.to_string().contains(v),
            Scalar::Bool(_) | Scalar::Null => false,
        }
    }
}

fn any_scalar(attr: &Attr<'_>, mut f: impl FnMut(Scalar<'_>) -> bool) -> bool {
    match attr {
        Attr::Str(s) => f(Scalar::Str(s)),
        Attr::Strs(list) => list.iter().any(|s| f(Scalar::Str(s))),
        Attr::Json(v) => any_json(v, &mut f),
        Attr::Owned(v) => any_json(v, &mut f),
        Attr::Map(_) | Attr::Missing => false,
    }
}

fn any_json(v: &Value, f: &mut impl FnMut(Scalar<'_>) -> bool) -> bool {
    match v {
        Value::String(s) => f(Scalar::Str(s)),
        Value::Number(n) => n.as_f64().is_some_and(|n| f(Scalar::Num(n))),
        Value::Bool(b) => f(Scalar::Bool(*b)),
        Value::Null => f(Scalar::Null),
        Value::Array(items) => items.iter().any(|i| any_json(i, f)),
        Value::Object(_) => false,
    }
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    fields: &'a [&'a str],
}

impl<'a> Parser<'a> {
    fn new(expr: &str, fields: &'a [&'a str]) -> Self {
        Parser {
            chars: expr.chars().collect(),
            pos: 0,
            fields,
        }
    }

    fn fail<T>(&self, at: usize, message: impl Into<String>) -> Result<T, FilterError> {
        Err(FilterError {
            position: at + 1,
            message: message.into(),
        })
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn filter(mut self) -> Result<Filter, FilterError> {
        if self.chars.iter().all(|c| c.is_whitespace()) {
            return self.fail(0, "the filter is empty");
        }
        let mut criteria = Vec::new();
        loop {
            criteria.push(self.criterion()?);
            match self.peek() {
                None => return Ok(Filter { criteria }),
                Some(';') => self.pos += 1,
                Some(c) => {
                    return self.fail(
                        self.pos,
                        format!("unexpected '{c}' after a criterion; criteria are joined by ';'"),
                    )
                }
            }
        }
    }

    fn criterion(&mut self) -> Result<Criterion, FilterError> {
        match self.peek() {
            Some('(') => self.pos += 1,
            Some(c) => {
                return self.fail(
                    self.pos,
                    format!("expected '(' to open a criterion, found '{c}'"),
                )
            }
            None => return self.fail(self.pos, "expected '(' to open a criterion after ';'"),
        }
        let op_at = self.pos;
        let (op_text, end) = self.token();
        if op_text.is_empty() {
            return self.fail(op_at, "missing operator");
        }
        let Some(op) = Op::parse(&op_text) else {
            return self.fail(
                op_at,
                format!(
                    "unknown operator '{op_text}'; expected one of eq, neq, gt, gte, lt, lte, cont, ncont, in, nin"
                ),
            );
        };
        if end != Some(',') {
            return self.fail(
                self.pos,
                format!("operator '{op_text}' needs an attribute and a value"),
            );
        }
        self.pos += 1;
        let attr_at = self.pos;
        let (attr, end) = self.token();
        let path = self.path(&attr, attr_at)?;
        if end != Some(',') {
            return self.fail(
                self.pos,
                format!("operator '{op_text}' needs a value for '{attr}'"),
            );
        }
        self.pos += 1;
        let mut values = Vec::new();
        loop {
            values.push(self.value()?);
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(')') => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    return self.fail(self.pos, format!("unexpected '{c}' after a quoted value"))
                }
                None => return self.fail(self.pos, "missing ')' to close the criterion"),
            }
        }
        if values.len() > 1 && !op.takes_many() {
            return self.fail(
                op_at,
                format!(
                    "operator '{op_text}' takes one value, got {}; use 'in' for several",
                    values.len()
                ),
            );
        }
        Ok(Criterion { op, path, values })
    }

    /// Reads up to (not past) the next ',' or ')'; returns the text and the stop character.
    fn token(&mut self) -> (String, Option<char>) {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ',' || c == ')' {
                break;
            }
            self.pos += 1;
        }
        (self.chars[start..self.pos].iter().collect(), self.peek())
    }

    fn path(&self, attr: &str, at: usize) -> Result<Vec<String>, FilterError> {
        if attr.is_empty() {
            return self.fail(at, "missing attribute");
        }
        let path: Vec<String> = attr.split('/').map(str::to_owned).collect();
        if let Some(i) = path.iter().position(|s| s.is_empty()) {
            return self.fail(
                at,
                format!("attribute '{attr}' has an empty segment (number {})", i + 1),
            );
        }
        if let Some(bad) = attr
            .chars()
            .find(|c| c.is_whitespace() || matches!(c, '(' | '\'' | ';'))
        {
            return self.fail(at, format!("attribute '{attr}' contains '{bad}'"));
        }
        if !self.fields.contains(&path[0].as_str()) {
            return self.fail(
                at,
                format!(
                    "unknown attribute '{}'; known attributes: {}",
                    path[0],
                    self.fields.join(", ")
                ),
            );
        }
        Ok(path)
    }

    fn value(&mut self) -> Result<String, FilterError> {
        let at = self.pos;
        if self.peek() == Some('\'') {
            self.pos += 1;
            let mut out = String::new();
            loop {
                match self.peek() {
                    None => return self.fail(at, "unterminated quoted value"),
                    Some('\'') if self.chars.get(self.pos + 1) == Some(&'\'') => {
                        out.push('\'');
                        self.pos += 2;
                    }
                    Some('\'') => {
                        self.pos += 1;
                        return Ok(out);
                    }
                    Some(c) => {
                        out.push(c);
                        self.pos += 1;
                    }
                }
            }
        }
        let (text, _) = self.token();
        if text.is_empty() {
            return self.fail(at, "empty value; write '' to compare with the empty string");
        }
        if let Some(bad) = text.chars().find(|c| matches!(c, '\'' | '(' | ';')) {
            return self.fail(
                at,
                format!("value '{text}' contains '{bad}'; quote the value with single quotes"),
            );
        }
        Ok(text)
    }
}

/// Attributes an event filter may name: the event's own fields, the notification's
/// `notificationEventType`, and any inventory object's attribute (of the changed object).
pub fn filter_fields() -> &'static [&'static str] {
    use super::{objects::*, Fields};
    static FIELDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut all: Vec<&'static str> = [
            DeploymentManager::FIELDS,
            ResourceType::FIELDS,
            ResourcePool::FIELDS,
            Resource::FIELDS,
            AlarmDictionary::FIELDS,
            LocationInfo::FIELDS,
            OCloudSiteInfo::FIELDS,
            &[
                "eventType",
                "objectKind",
                "objectId",
                "objectRef",
                "notificationEventType",
            ],
        ]
        .concat();
        all.sort_unstable();
        all.dedup();
        all
    })
}
