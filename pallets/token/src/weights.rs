//! Weights of pallet-token.
//!
//! The `()` implementation below is **not measured**: it is a conservative hand estimate (reads
//! and writes counted from the code, ref-time of a pallet-balances transfer plus a history
//! update) used by tests and until `scripts/weights.sh` writes measured weights here.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions of pallet-token's calls.
pub trait WeightInfo {
	fn transfer_allow_death() -> Weight;
	fn force_transfer() -> Weight;
	fn transfer_keep_alive() -> Weight;
	fn transfer_all() -> Weight;
	fn force_set_balance() -> Weight;
	fn force_adjust_total_issuance() -> Weight;
	fn burn() -> Weight;
	fn delegate() -> Weight;
	fn undelegate() -> Weight;
	fn prune_history() -> Weight;
}

/// Estimated weights (see the module documentation): not measured.
impl WeightInfo for () {
	fn transfer_allow_death() -> Weight {
		// Two accounts, two histories, the delegate entries of both sides.
		Weight::from_parts(80_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 4))
	}
	fn force_transfer() -> Weight {
		Self::transfer_allow_death()
	}
	fn transfer_keep_alive() -> Weight {
		Self::transfer_allow_death()
	}
	fn transfer_all() -> Weight {
		Self::transfer_allow_death()
	}
	fn force_set_balance() -> Weight {
		// One account and its history, issuance and the supply ring.
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads_writes(6, 5))
	}
	fn force_adjust_total_issuance() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
	}
	fn burn() -> Weight {
		Self::force_set_balance()
	}
	fn delegate() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(7, 4))
	}
	fn undelegate() -> Weight {
		Self::delegate()
	}
	fn prune_history() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
}
