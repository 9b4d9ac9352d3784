//! The simulator's inventory on disk (`simulator.redb` in the data directory): every object by
//! kind, pool and id. A restart loads it, so writes made through the extensions and the churn
//! so far survive, as they would on a real O-Cloud. It is regenerated only when the generation
//! settings (seed, sizes, O-Cloud id) change. A write is committed durably before its change
//! goes to the feed, so a pool answered 201 is on disk before its event exists.

use std::{path::Path, sync::Arc};

use redb::{Database, Durability, ReadableDatabase, ReadableTable, TableDefinition};

use crate::backend::{cache::Inventory, Kind, Object};
use crate::domain::objects::*;

const OBJECTS: TableDefinition<&str, &[u8]> = TableDefinition::new("objects");
const META: TableDefinition<&str, &str> = TableDefinition::new("meta");
const SETTINGS: &str = "settings";
const CACHE_BYTES: usize = 4 * 1024 * 1024;

/// One object's key: kind, pool (resources only), id.
pub fn key(object: &Object) -> String {
    let pool = match object {
        Object::Resource(r) => r.resource_pool_id.as_str(),
        _ => "",
    };
    format!("{}\n{pool}\n{}", object.kind().name(), object.id())
}

/// A write to save: the object's key and its new state (`None`: removed).
pub type Write = (String, Option<Vec<u8>>);

pub fn write_of(object: &Object, removed: bool) -> Write {
    let state = (!removed).then(|| serde_json::to_vec(&object.to_json()).unwrap_or_default());
    (key(object), state)
}

pub struct SimStore {
    db: Arc<Database>,
}

fn put<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> anyhow::Result<Arc<T>> {
    Ok(Arc::new(serde_json::from_slice(bytes)?))
}

impl SimStore {
    /// Opens the file; the inventory it holds when it was written with the same `settings`.
    pub fn open(path: &Path, settings: &str) -> anyhow::Result<(SimStore, Option<Inventory>)> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Read once at start and written a little at a time: a small cache is enough (redb's
        // default lets it grow to 1 GiB, which a 100,000-resource inventory would fill).
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(path)?;
        let txn = db.begin_write()?;
        txn.open_table(OBJECTS)?;
        let stored = txn
            .open_table(META)?
            .get(SETTINGS)?
            .map(|v| v.value().to_owned());
        txn.commit()?;
        let store = SimStore { db: Arc::new(db) };
        match stored {
            Some(stored) if stored == settings => {
                let inventory = store.load()?;
                Ok((store, Some(inventory)))
            }
            Some(_) => {
                tracing::warn!(path = %path.display(), "the simulator settings changed: the inventory is generated anew");
                Ok((store, None))
            }
            None => Ok((store, None)),
        }
    }

    fn load(&self) -> anyhow::Result<Inventory> {
        let txn = self.db.begin_read()?;
        let mut inv = Inventory::default();
        for entry in txn.open_table(OBJECTS)?.iter()? {
            let (key, value) = entry?;
            let (key, bytes) = (key.value(), value.value());
            let kind: Kind = key
                .split('\n')
                .next()
                .unwrap_or_default()
                .parse()
                .map_err(anyhow::Error::msg)?;
            match kind {
                Kind::DeploymentManager => {
                    let o: Arc<DeploymentManager> = put(bytes)?;
                    inv.deployment_managers
                        .insert(o.deployment_manager_id.clone(), o);
                }
                Kind::ResourceType => {
                    let o: Arc<ResourceType> = put(bytes)?;
                    inv.resource_types.insert(o.resource_type_id.clone(), o);
                }
                Kind::ResourcePool => {
                    let o: Arc<ResourcePool> = put(bytes)?;
                    inv.resource_pools.insert(o.resource_pool_id.clone(), o);
                }
                Kind::Resource => {
                    let o: Arc<Resource> = put(bytes)?;
                    inv.resources
                        .entry(o.resource_pool_id.clone())
                        .or_default()
                        .insert(o.resource_id.clone(), o);
                }
                Kind::AlarmDictionary => {
                    let o: Arc<AlarmDictionary> = put(bytes)?;
                    inv.alarm_dictionaries
                        .insert(o.alarm_dictionary_id.clone(), o);
                }
                Kind::Location => {
                    let o: Arc<LocationInfo> = put(bytes)?;
                    inv.locations.insert(o.global_location_id.clone(), o);
                }
                Kind::OCloudSite => {
                    let o: Arc<OCloudSiteInfo> = put(bytes)?;
                    inv.sites.insert(o.o_cloud_site_id.clone(), o);
                }
            }
        }
        Ok(inv)
    }

    /// Replaces everything with `inventory`, generated with `settings`.
    pub fn save_all(&self, inventory: &Inventory, settings: &str) -> anyhow::Result<()> {
        let txn = self.db.begin_write()?;
        {
            let mut objects = txn.open_table(OBJECTS)?;
            objects.retain(|_, _| false)?;
            for object in inventory.objects() {
                let (key, state) = write_of(&object, false);
                objects.insert(key.as_str(), state.unwrap_or_default().as_slice())?;
            }
            txn.open_table(META)?.insert(SETTINGS, settings)?;
        }
        txn.commit()?;
        Ok(())
    }

    /// Saves `writes` in order in one transaction; `durable` waits for the disk (writes
    /// answered to a client, churn checkpoints), otherwise a crash may lose them and every
    /// save since the last durable one.
    pub async fn save(&self, writes: Vec<Write>, durable: bool) -> anyhow::Result<()> {
        // A durable commit with nothing new still makes the earlier ones durable.
        if writes.is_empty() && !durable {
            return Ok(());
        }
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut txn = db.begin_write()?;
            if !durable {
                txn.set_durability(Durability::None)?;
            }
            {
                let mut objects = txn.open_table(OBJECTS)?;
                for (key, state) in &writes {
                    match state {
                        Some(state) => {
                            objects.insert(key.as_str(), state.as_slice())?;
                        }
                        None => {
                            objects.remove(key.as_str())?;
                        }
                    }
                }
            }
            txn.commit()?;
            Ok(())
        })
        .await?
    }
}
