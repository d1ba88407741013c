//! Weights of pallet-governance.
//!
//! The `()` implementation below is **not measured**: it is a conservative hand estimate (reads
//! and writes counted from the code) used by tests until `scripts/weights.sh` writes measured
//! weights here.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by pallet-governance.
pub trait WeightInfo {
	fn submit(l: u32) -> Weight;
	fn vote() -> Weight;
	fn remove_vote() -> Weight;
	fn submit_signed_votes(n: u32) -> Weight;
	fn vote_by_signature() -> Weight;
	fn cancel() -> Weight;
	fn kill() -> Weight;
	fn set_class() -> Weight;
	fn enact() -> Weight;
	fn on_initialize(n: u32) -> Weight;
	fn decide(v: u32) -> Weight;
}

/// Estimated weights (see the module documentation): not measured.
impl WeightInfo for () {
	fn submit(l: u32) -> Weight {
		Weight::from_parts(80_000_000, 12_000)
			.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(8, 6))
	}
	fn vote() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 2))
	}
	fn remove_vote() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn submit_signed_votes(n: u32) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(90_000_000, 6_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
			.saturating_add(RocksDbWeight::get().reads_writes(4, 3).saturating_mul(n.into()))
	}
	fn vote_by_signature() -> Weight {
		Weight::from_parts(110_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 4))
	}
	fn cancel() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn kill() -> Weight {
		Self::cancel()
	}
	fn set_class() -> Weight {
		Weight::from_parts(15_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn enact() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads_writes(4, 3))
	}
	fn on_initialize(n: u32) -> Weight {
		Weight::from_parts(5_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
			.saturating_add(Self::decide(0).saturating_mul(n.into()))
	}
	fn decide(_v: u32) -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
}
