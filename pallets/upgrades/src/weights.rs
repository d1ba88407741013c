//! Weights of pallet-upgrades.
//!
//! The `()` implementation below is **not measured**: a conservative hand estimate (reads and
//! writes counted from the code) used until the pallet is in the runtime and `scripts/weights.sh`
//! measures it. The activation block is charged a whole block in `on_initialize` regardless.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by pallet-upgrades.
pub trait WeightInfo {
	fn schedule_upgrade(p: u32) -> Weight;
	fn cancel_upgrade(p: u32) -> Weight;
}

/// Estimated weights (see the module documentation): not measured.
impl WeightInfo for () {
	fn schedule_upgrade(p: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(100_000, 60).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
	fn cancel_upgrade(p: u32) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(100_000, 60).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
}
