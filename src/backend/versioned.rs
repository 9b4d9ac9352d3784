//! A lock whose generation changes with every write: what lets a reader know that nothing it
//! read has changed since (the service layer reuses list pages while the generation holds).
//! Every mutation of the guarded value needs a write guard, so none is missed; a guard taken
//! without a change only costs a spurious new generation.

use std::{
    ops::{Deref, DerefMut},
    sync::{
        atomic::{AtomicU64, Ordering},
        RwLock, RwLockReadGuard, RwLockWriteGuard,
    },
};

#[derive(Debug, Default)]
pub struct Versioned<T> {
    lock: RwLock<T>,
    generation: AtomicU64,
}

impl<T> Versioned<T> {
    pub fn new(value: T) -> Versioned<T> {
        Versioned {
            lock: RwLock::new(value),
            generation: AtomicU64::new(0),
        }
    }

    pub fn read(&self) -> RwLockReadGuard<'_, T> {
        self.lock.read().unwrap_or_else(|e| e.into_inner())
    }

    /// A write guard; the generation moves on when it is released (before other threads can
    /// lock), so a reader that sees the old generation also saw the old value.
    pub fn write(&self) -> WriteGuard<'_, T> {
        WriteGuard {
            guard: self.lock.write().unwrap_or_else(|e| e.into_inner()),
            generation: &self.generation,
        }
    }

    /// Runs `f` under the write lock; the generation moves on only when `f` says it changed
    /// what readers see (its second answer), for a writer that often finds nothing to change.
    pub fn update<R>(&self, f: impl FnOnce(&mut T) -> (R, bool)) -> R {
        let mut guard = self.lock.write().unwrap_or_else(|e| e.into_inner());
        let (answer, changed) = f(&mut guard);
        if changed {
            // Still holding the lock, as a write guard does.
            self.generation.fetch_add(1, Ordering::AcqRel);
        }
        drop(guard);
        answer
    }

    /// Read before reading the value: an unchanged generation after means an unchanged value.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }
}

pub struct WriteGuard<'a, T> {
    guard: RwLockWriteGuard<'a, T>,
    generation: &'a AtomicU64,
}

impl<T> Drop for WriteGuard<'_, T> {
    fn drop(&mut self) {
        // Runs before the field `guard` is dropped: still holding the lock.
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

impl<T> Deref for WriteGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T> DerefMut for WriteGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_write_moves_the_generation_on() {
        let v = Versioned::new(1);
        let g = v.generation();
        assert_eq!(*v.read(), 1);
        assert_eq!(v.generation(), g, "reads leave it");
        *v.write() = 2;
        assert!(v.generation() > g);
        let g = v.generation();
        {
            let mut w = v.write();
            *w += 1;
            assert_eq!(v.generation(), g, "not before the guard is released");
        }
        assert_eq!(v.generation(), g + 1);
        assert_eq!(*v.read(), 3);
        v.update(|x| ((), *x == 0));
        assert_eq!(
            v.generation(),
            g + 1,
            "an update that changes nothing leaves it"
        );
        v.update(|x| {
            *x = 4;
            ((), true)
        });
        assert_eq!((v.generation(), *v.read()), (g + 2, 4));
    }
}
