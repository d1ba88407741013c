//! # MetaCert governance runtime
//!
//! The FRAME runtime of the MetaCert Protocol governance chain: an Aura + GRANDPA solo chain whose
//! native token (MTC, 12 decimals) is both the fee currency and the source of voting power.
//!
//! There is deliberately **no `pallet-sudo`**: no key holds `Root`. Only the chain's governance
//! (token-weighted referenda, added by `pallet-governance`) can dispatch privileged calls, through
//! the scheduler, so every protocol change needs community agreement.
//!
//! Layout: [`configs`] holds one documented `Config` impl per pallet, [`apis`] the runtime APIs,
//! [`genesis_config_presets`] the `development` and `local_testnet` presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to deeply nested code.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// `benchmarks` defines the `list_benchmarks!`/`add_benchmarks!` macros that `apis` uses, so it
// must be declared first.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use pallet_token::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, used by the node to handle blocks without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of an authority: an Aura key to author blocks and a GRANDPA key to vote
	/// on finality.
	pub struct SessionKeys {
		/// Block authoring (sr25519).
		pub aura: Aura,
		/// Finality voting (ed25519).
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (the `runtime_version` attribute, which
/// embeds the version in the wasm, needs a literal).
macro_rules! declare_version {
	($spec_version:tt) => {
		/// The runtime's version. Bump `spec_version` on every change of runtime logic: nodes and
		/// wallets key their behaviour (and the upgrade checks of `pallet-upgrades`) on it.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("metacert"),
			impl_name: alloc::borrow::Cow::Borrowed("metacert-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			// 2: pallet-upgrades' calls changed (spec 109).
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "spec-version-bump"))]
declare_version!(109);
// The same runtime with `spec_version + 1`: the code the end-to-end tests upgrade to.
#[cfg(feature = "spec-version-bump")]
declare_version!(110);

/// Block production timing.
mod block_times {
	/// The target block time. Aura produces a block per slot of this length; `pallet-timestamp`
	/// derives the slot duration from it. It cannot change once the chain has started.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// The Aura slot duration (equal to the block time).
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
}
pub use block_times::*;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Number of recent block hashes kept (oldest pruned first); also bounds mortal transactions.
pub const BLOCK_HASH_COUNT: BlockNumber = 2400;

/// Decimal places of the MTC token.
pub const TOKEN_DECIMALS: u8 = 12;
/// The MTC token symbol.
pub const TOKEN_SYMBOL: &str = "MTC";
/// One MTC in plancks (the smallest unit): 10^12.
pub const MTC: Balance = 1_000_000_000_000;
/// One thousandth of an MTC.
pub const MILLI_MTC: Balance = MTC / 1_000;
/// One millionth of an MTC.
pub const MICRO_MTC: Balance = MTC / 1_000_000;

/// The existential deposit: the least balance an account must hold to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_MTC;

/// The signature type of transactions (and of signed vote messages): sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account identifier: the public key of the signing scheme (ecdsa keys are hashed).
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account, in plancks of MTC.
pub type Balance = u128;

/// Index of a transaction of an account.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// A block number.
pub type BlockNumber = u32;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions checked for every signed transaction, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	// Refunds the unused part of a call's benchmarked weight; must come last.
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime migrations beyond those the pallets declare (a tuple of `OnRuntimeUpgrade`s).
#[cfg(not(feature = "spec-version-bump"))]
type Migrations = (
	configs::balances::migration::MigrateToSnapshots,
	pallet_upgrades::migrations::MigrateToV1<Runtime>,
);
/// The same migrations in the upgrade target of the tests, and one that panics when asked.
#[cfg(feature = "spec-version-bump")]
type Migrations = (
	configs::balances::migration::MigrateToSnapshots,
	pallet_upgrades::migrations::MigrateToV1<Runtime>,
	PanicWhenAsked,
);

/// Only in the upgrade target of the tests (`spec-version-bump`): a migration that panics when
/// the storage holds [`PANIC_IN_MIGRATION_KEY`], which no transaction can write. The rehearsal's
/// tests (`scripts/rehearse-upgrade.sh --set-storage`) use it for a migration that fails.
#[cfg(feature = "spec-version-bump")]
pub struct PanicWhenAsked;

/// The key that makes [`PanicWhenAsked`] panic.
#[cfg(feature = "spec-version-bump")]
pub const PANIC_IN_MIGRATION_KEY: &[u8] = b":metacert:test:panic-in-migration";

#[cfg(feature = "spec-version-bump")]
impl frame_support::traits::OnRuntimeUpgrade for PanicWhenAsked {
	fn on_runtime_upgrade() -> frame_support::weights::Weight {
		if frame_support::storage::unhashed::exists(PANIC_IN_MIGRATION_KEY) {
			panic!("the test migration panics, as asked");
		}
		Default::default()
	}
}

/// Executive: dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime, composed of its pallets at fixed indices. Indices never change: they are part of
/// every encoded call, event and storage key that wallets and other chains see.
#[frame_support::runtime]
mod runtime {
	/// The runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events, runtime code.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring (Aura).
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality (GRANDPA).
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The MTC token (pallet-token), under pallet-balances' name so wallets work unchanged.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_token;

	/// Transaction fees, paid in MTC.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Preimages: the bodies of proposed calls and runtime code, stored with a deposit.
	#[runtime::pallet_index(6)]
	pub type Preimage = pallet_preimage;

	/// The scheduler that enacts approved proposals at their enactment block.
	#[runtime::pallet_index(7)]
	pub type Scheduler = pallet_scheduler;

	/// Referenda with per-class thresholds, votes by extrinsic or by signed message.
	#[runtime::pallet_index(8)]
	pub type Governance = pallet_governance;

	/// Governance-scheduled runtime upgrades with node readiness.
	#[runtime::pallet_index(9)]
	pub type Upgrades = pallet_upgrades;

	/// Low-risk runtime parameters, set by parameter-change proposals.
	#[runtime::pallet_index(10)]
	pub type Parameters = pallet_parameters;
}
