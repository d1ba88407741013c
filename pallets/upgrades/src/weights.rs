//! Weights of pallet-upgrades.
//!
//! The `()` implementation below is **not measured**: a conservative hand estimate (reads and
//! writes counted from the code) for test runtimes. The MetaCert runtime uses the weights that
//! `scripts/weights.sh` measures (`runtime/src/weights/pallet_upgrades.rs`).

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
	fn signal_readiness() -> Weight;
	fn set_min_activation_delay() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn check_readiness(a: u32) -> Weight;
	fn activate(c: u32) -> Weight;
}

/// Estimated weights (see the module documentation): not measured.
impl WeightInfo for () {
	fn schedule_upgrade(p: u32) -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 2))
	}
	fn cancel_upgrade(p: u32) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(100_000, 100).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn signal_readiness() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
	fn set_min_activation_delay() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_000_000, 2_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn check_readiness(a: u32) -> Weight {
		Weight::from_parts(10_000_000, 2_000)
			.saturating_add(Weight::from_parts(5_000_000, 2_600).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(1 + a as u64))
	}
	fn activate(c: u32) -> Weight {
		Weight::from_parts(100_000_000, 4_000)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 5))
	}
}
