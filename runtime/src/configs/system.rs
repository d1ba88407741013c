//! `frame_system`: accounts, blocks, events and the runtime code itself.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::Everything,
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, BLOCK_HASH_COUNT, VERSION,
};

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// Share of a block's weight and length available to normal (non-operational) extrinsics.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	/// Block hashes kept for mortal transactions and `System::block_hash`.
	pub const BlockHashCount: BlockNumber = BLOCK_HASH_COUNT;
	/// The runtime version, reported to the node and checked by `CheckSpecVersion`.
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per 6-second block, unlimited proof size (solo chain).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// At most 5 MiB per block (a runtime upgrade's code fits in one preimage-noting block).
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	/// The generic Substrate SS58 prefix (addresses start with 5).
	pub const SS58Prefix: u16 = 42;
}

/// Defaults from `SolochainDefaultConfig`, overridden where the chain differs.
#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// The block type.
	type Block = Block;
	/// Every call may be dispatched; privileged ones are guarded by their own origins, and Root
	/// is reachable only through governance (there is no sudo).
	type BaseCallFilter = Everything;
	/// Block weight limits.
	type BlockWeights = RuntimeBlockWeights;
	/// Block length limits.
	type BlockLength = RuntimeBlockLength;
	/// Accounts are public keys (see [`crate::AccountId`]).
	type AccountId = AccountId;
	/// Per-account transaction counter.
	type Nonce = Nonce;
	/// Block and trie hash.
	type Hash = Hash;
	/// Block hashes kept.
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB, so database weights are ParityDB's.
	type DbWeight = ParityDbWeight;
	/// The runtime version.
	type Version = Version;
	/// Balances live in `System::Account`, starting with the `AccountData { free, reserved,
	/// frozen, flags }` shape that polkadot.js and wallets read, then the token's voting power.
	type AccountData = super::balances::AccountData;
	/// Address prefix 42.
	type SS58Prefix = SS58Prefix;
	/// At most 16 consumer references per account (holds, freezes, ...).
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	/// Weights of the transaction extensions, measured by `scripts/weights.sh`.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}
