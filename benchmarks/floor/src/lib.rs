//! # pallet-bench-floor
//!
//! A pallet for benchmark runtimes only: it has no calls, and its benchmarks measure the least
//! work any vote carried by a signature must do, with the same machinery (same machine, steps,
//! repeats and database weights) as the pallets they are compared with:
//!
//! - `sr25519_verify` / `ed25519_verify`: one signature check of a 100-byte message;
//! - `read_write`: one read and one write of an account-sized storage entry.
//!
//! The floor of a vote carried in a signed message is one signature check plus one read and one
//! write (the voter's record). `benchmarks/run.sh` compares the batched votes against it.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// An account-sized record per key, read and written by the `read_write` benchmark.
	/// `Blake2_128Concat` like the voter records it stands for.
	#[pallet::storage]
	pub type RecordOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, [u8; 80]>;
}

#[cfg(all(test, feature = "runtime-benchmarks"))]
mod mock {
	//! A test runtime for running the floor benchmarks as tests.
	use frame_support::derive_impl;
	use sp_runtime::BuildStorage;

	type Block = frame_system::mocking::MockBlock<Test>;

	#[frame_support::runtime]
	mod runtime {
		#[runtime::runtime]
		#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
		pub struct Test;

		#[runtime::pallet_index(0)]
		pub type System = frame_system;
		#[runtime::pallet_index(1)]
		pub type Floor = crate;
	}

	#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
	impl frame_system::Config for Test {
		type Block = Block;
	}

	impl crate::Config for Test {}

	/// Externalities with a keystore (the benchmarks sign).
	pub fn new_test_ext() -> sp_io::TestExternalities {
		let storage =
			frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.register_extension(sp_keystore::KeystoreExt::new(
			sp_keystore::testing::MemoryKeystore::new(),
		));
		ext
	}
}
