//! Sections of the configuration that another room owns: each backend kind's `[sim]`,
//! `[kubernetes]`, …. The configuration keeps them as plain data, by name (they arrive from the
//! file, the environment and the flags like every other key); the owning room gives a section
//! its type ([`Section`]) and reads it with [`Config::section`], so a new backend kind adds no
//! field here.

use std::collections::BTreeMap;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

use super::Config;

/// Named sections as data: what `Config` and a `[[backends]]` instance carry.
pub type Sections = BTreeMap<String, Value>;

/// A room's own section of the configuration.
pub trait Section: Serialize + DeserializeOwned + Default {
    /// Its key (`sim`, `kubernetes`).
    const NAME: &'static str;
}

/// Section `T` from its data, its defaults filling what is not set; an error names the key.
pub fn read<T: Section>(value: Option<&Value>) -> Result<T, String> {
    match value {
        None => Ok(T::default()),
        Some(value) => {
            serde_json::from_value(value.clone()).map_err(|e| format!("{}: {e}", T::NAME))
        }
    }
}

impl Config {
    /// Section `T` as configured.
    pub fn section<T: Section>(&self) -> Result<T, String> {
        read(self.sections.get(T::NAME))
    }

    /// Replaces section `T`.
    pub fn set_section<T: Section>(&mut self, value: &T) {
        let value = serde_json::to_value(value).expect("a section serialises");
        self.sections.insert(T::NAME.to_owned(), value);
    }

    /// Changes some settings of section `T` (its other settings as configured).
    pub fn edit_section<T: Section>(&mut self, edit: impl FnOnce(&mut T)) {
        let mut section = self.section::<T>().unwrap_or_else(|e| panic!("{e}"));
        edit(&mut section);
        self.set_section(&section);
    }
}
