//! # The MetaCert benchmark runtime
//!
//! A runtime that exists only to be benchmarked: our pallets next to the polkadot-sdk reference
//! pallets a chain builder would otherwise pick, with comparable configurations, so that
//! `benchmarks/run.sh` measures all of them in one `benchmark pallet` run (same machine, same
//! steps and repeats, same database weights):
//!
//! | ours | reference |
//! |------|-----------|
//! | pallet-token, in the MetaCert runtime | `Balances` (pallet-balances) |
//! | the MetaCert runtime's fee payment (MTC) | `TransactionPayment` over `Balances` |
//! | `Governance` (pallet-governance) | `Referenda` + `ConvictionVoting`, `Democracy` |
//! | the floor (`Floor`): one signature check, one read + write | |
//!
//! Two currencies cannot share `System::Account`, so the currencies are compared across two
//! runtimes, each keeping its accounts where a real runtime keeps them: pallet-token is
//! benchmarked in the MetaCert runtime (`runtime/`, where it is `Balances` in
//! `System::Account`), pallet-balances here (in `System::Account` too), with the same balance type,
//! existential deposit, hold and freeze bounds, database weights and whitelisting (the caller's
//! account, by frame-benchmarking). The same goes for a fee payment: pallet-transaction-payment's
//! `charge_transaction_payment` runs here over pallet-balances and in the MetaCert runtime over
//! pallet-token (with a payer that delegates, the token's worst case).
//!
//! `Token` is here only for governance, which votes on proposals with its voting power (its
//! accounts live in a map of their own); referenda, conviction voting and democracy use
//! `Balances`. It is never run as a chain: there is no consensus, no node.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

extern crate alloc;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

use alloc::{borrow::Cow, string::String, vec, vec::Vec};
use frame_support::{
	derive_impl,
	genesis_builder_helper::{build_state, get_preset},
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstBool, ConstU128, ConstU32, EqualPrivilegeOnly,
		LinearStoragePrice, StorageMapShim,
	},
	weights::{constants::ParityDbWeight, Weight},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::{
	generic,
	traits::{BlakeTwo256, Block as BlockT, IdentifyAccount, Verify},
	MultiSignature, Perbill,
};
use sp_version::RuntimeVersion;

/// Signatures of transactions and of signed votes.
pub type Signature = MultiSignature;
/// Account ids: public keys.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balances of both currencies.
pub type Balance = u128;
/// Block numbers.
pub type BlockNumber = u32;
/// Hashes.
pub type Hash = sp_core::H256;
/// Addresses in calls.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;
/// Headers.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// The transaction extensions (only what a benchmark runtime needs).
pub type TxExtension = (frame_system::CheckNonce<Runtime>, frame_system::CheckWeight<Runtime>);
/// Extrinsics.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// Blocks.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Executive.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

/// One MTC (and one unit of the reference currency).
pub const UNIT: Balance = 1_000_000_000_000;
/// Existential deposit of both currencies (as in the MetaCert runtime).
pub const EXISTENTIAL_DEPOSIT: Balance = UNIT / 1_000;
/// Blocks per day at 6 s.
pub const DAYS: BlockNumber = 14_400;

/// The version of the benchmark runtime.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("metacert-bench"),
	impl_name: Cow::Borrowed("metacert-bench"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

#[frame_support::runtime]
mod runtime {
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

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Token = pallet_token;
	#[runtime::pallet_index(3)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(4)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(5)]
	pub type Governance = pallet_governance;
	#[runtime::pallet_index(6)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(7)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(8)]
	pub type Democracy = pallet_democracy;
	#[runtime::pallet_index(9)]
	pub type Floor = pallet_bench_floor;
	#[runtime::pallet_index(10)]
	pub type TransactionPayment = pallet_transaction_payment;
}

parameter_types! {
	/// The MetaCert runtime's block weights: 2 s of compute per block, 75% for normal calls.
	pub BlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(2 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
			Perbill::from_percent(75),
		);
	/// This runtime's version.
	pub const Version: RuntimeVersion = VERSION;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::AccountIdLookup<AccountId, ()>;
	type Nonce = u32;
	type Hash = Hash;
	type BlockWeights = BlockWeights;
	/// The MetaCert runtime's database weights (ParityDB), for every pallet here.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	/// pallet-balances keeps its accounts here, as in a usual runtime.
	type AccountData = pallet_balances::AccountData<Balance>;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = ConstU32<8>;
	type DoneSlashHandler = ();
}

/// The byte fee, read from storage as the MetaCert runtime reads its `TransactionByteFee`
/// parameter (pallet-parameters), so that a fee payment reads the same entries in both runtimes
/// but for the currency.
#[frame_support::storage_alias]
pub type StoredByteFee =
	StorageValue<TransactionPayment, Balance, frame_support::pallet_prelude::ValueQuery>;

/// [`StoredByteFee`], as the length-to-fee multiplier.
pub struct ByteFee;
impl frame_support::traits::Get<Balance> for ByteFee {
	fn get() -> Balance {
		StoredByteFee::get()
	}
}

/// Fees in the reference currency, burnt, as the MetaCert runtime's are in MTC, with the same
/// kind of configuration (fee rates do not change the measured cost).
impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = frame_support::traits::ConstU8<5>;
	type WeightToFee = frame_support::weights::IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::ConstantMultiplier<Balance, ByteFee>;
	type FeeMultiplierUpdate = ();
	type WeightInfo = ();
}

/// The payer of the fee benchmark is a plain pallet-balances account (no environment needed).
#[cfg(feature = "runtime-benchmarks")]
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// pallet-token's account data, with the MetaCert runtime's bound on snapshots.
pub type TokenAccountData = pallet_token::AccountData<Balance, BlockNumber, ConstU32<15>>;

/// pallet-token's accounts (it cannot share `System::Account` with pallet-balances here).
#[frame_support::storage_alias]
pub type TokenAccount = StorageMap<
	Token,
	frame_support::Blake2_128Concat,
	AccountId,
	TokenAccountData,
	frame_support::pallet_prelude::ValueQuery,
>;

impl pallet_token::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type DustRemoval = ();
	type AccountStore = StorageMapShim<TokenAccount, AccountId, TokenAccountData>;
	type MaxFreezes = ConstU32<8>;
	type MaxHolds = ConstU32<8>;
	type MaxSnapshots = ConstU32<15>;
	type WeightInfo = pallet_token::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Preimage deposits: the MetaCert runtime's prices.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// Scheduler: 80% of a block.
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) * BlockWeights::get().max_block;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<ConstU128<{ UNIT / 50 }>, ConstU128<{ UNIT / 10_000 }>, Balance>,
	>;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

frame_support::parameter_types! {
	/// As in the MetaCert runtime: half a block.
	pub GovernanceMaxCallWeight: frame_support::weights::Weight =
		<Runtime as frame_system::Config>::BlockWeights::get().max_block / 2;
}

/// Every call in one class (class 0), as a single-track referenda setup.
pub struct OneClass;
impl pallet_governance::ClassifyCall<RuntimeCall> for OneClass {
	fn required_class(_call: &RuntimeCall) -> Option<pallet_governance::ClassId> {
		Some(0)
	}
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Token;
	type Slash = ();
	type VotingPower = Token;
	type Classify = OneClass;
	type Preimages = Preimage;
	type Scheduler = Scheduler;
	type Signature = Signature;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type ClassAdminOrigin = EnsureRoot<AccountId>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// As in the MetaCert runtime.
	type MaxEndingPerBlock = ConstU32<16>;
	type MaxVotesPerBatch = ConstU32<500>;
	type MaxClasses = ConstU32<16>;
	type MaxVotingPeriod = ConstU32<{ 28 * DAYS }>;
	type MaxCallWeight = GovernanceMaxCallWeight;
	type MaxFeelessVotesPerBlock = ConstU32<100>;
	type MinFeelessPower = frame_support::traits::ConstU128<UNIT>;
	type UnsignedPriority = frame_support::traits::ConstU64<0>;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

/// One track, for Root, like governance's single class here: two thirds, 20% support.
pub struct Tracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = u16;
	type RuntimeOrigin = <RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks(
	) -> impl Iterator<Item = Cow<'static, pallet_referenda::Track<Self::Id, Balance, BlockNumber>>>
	{
		use pallet_referenda::{Curve, Track, TrackInfo};
		const fn name(s: &str) -> [u8; 25] {
			let mut out = [0u8; 25];
			let bytes = s.as_bytes();
			let mut i = 0;
			while i < bytes.len() && i < 25 {
				out[i] = bytes[i];
				i += 1;
			}
			out
		}
		static TRACKS: [Track<u16, Balance, BlockNumber>; 1] = [Track {
			id: 0,
			info: TrackInfo {
				name: name("root"),
				max_deciding: 16,
				decision_deposit: 1_000 * UNIT,
				prepare_period: 1,
				decision_period: 14 * DAYS,
				confirm_period: 1,
				min_enactment_period: 1,
				min_approval: Curve::LinearDecreasing {
					length: Perbill::from_percent(100),
					floor: Perbill::from_parts(666_666_666),
					ceil: Perbill::from_percent(100),
				},
				min_support: Curve::LinearDecreasing {
					length: Perbill::from_percent(100),
					floor: Perbill::from_percent(20),
					ceil: Perbill::from_percent(100),
				},
			},
		}];
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match frame_system::RawOrigin::try_from(origin.clone()) {
			Ok(frame_system::RawOrigin::Root) => Ok(0),
			_ => Err(()),
		}
	}
}

impl pallet_referenda::Config for Runtime {
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Slash = ();
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = ConstU128<{ 10 * UNIT }>;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = ConstU32<{ 14 * DAYS }>;
	type AlarmInterval = ConstU32<1>;
	type Tracks = Tracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Polls = Referenda;
	type MaxTurnout =
		frame_support::traits::tokens::currency::ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = ConstU32<{ 7 * DAYS }>;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

impl pallet_democracy::Config for Runtime {
	type WeightInfo = pallet_democracy::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type Currency = Balances;
	type EnactmentPeriod = ConstU32<DAYS>;
	type LaunchPeriod = ConstU32<{ 7 * DAYS }>;
	type VotingPeriod = ConstU32<{ 14 * DAYS }>;
	type VoteLockingPeriod = ConstU32<{ 7 * DAYS }>;
	type MinimumDeposit = ConstU128<{ 100 * UNIT }>;
	type InstantAllowed = ConstBool<true>;
	type FastTrackVotingPeriod = ConstU32<{ 3 * 600 }>;
	type CooloffPeriod = ConstU32<{ 7 * DAYS }>;
	type MaxVotes = ConstU32<100>;
	type MaxProposals = ConstU32<100>;
	type MaxDeposits = ConstU32<100>;
	type MaxBlacklisted = ConstU32<100>;
	type ExternalOrigin = EnsureRoot<AccountId>;
	type ExternalMajorityOrigin = EnsureRoot<AccountId>;
	type ExternalDefaultOrigin = EnsureRoot<AccountId>;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type FastTrackOrigin = EnsureRoot<AccountId>;
	type InstantOrigin = EnsureRoot<AccountId>;
	type CancellationOrigin = EnsureRoot<AccountId>;
	type BlacklistOrigin = EnsureRoot<AccountId>;
	type CancelProposalOrigin = EnsureRoot<AccountId>;
	type VetoOrigin = EnsureSigned<AccountId>;
	type PalletsOrigin = OriginCaller;
	type Slash = ();
}

impl pallet_bench_floor::Config for Runtime {}

#[cfg(feature = "runtime-benchmarks")]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[pallet_balances, Balances]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_governance, Governance]
		[pallet_referenda, Referenda]
		[pallet_conviction_voting, ConvictionVoting]
		[pallet_democracy, Democracy]
		[pallet_bench_floor, Floor]
	);
}

/// The only genesis preset: the development one, with no accounts (benchmarks make their own).
fn preset(id: &sp_genesis_builder::PresetId) -> Option<Vec<u8>> {
	let id: &str = id.as_ref();
	if id != sp_genesis_builder::DEV_RUNTIME_PRESET {
		return None;
	}
	let classes = vec![(
		0u16,
		pallet_governance::ClassInfo {
			name: b"root".to_vec().try_into().ok()?,
			thresholds: pallet_governance::Thresholds {
				min_approval: Perbill::from_parts(666_666_666),
				min_turnout: Perbill::from_percent(20),
				min_voters: 1,
			},
			voting_period: 14 * DAYS,
			enactment_delay: DAYS,
			submission_deposit: 1_000 * UNIT,
			origin: pallet_governance::DispatchOrigin::Root,
		},
	)];
	let patch = frame_support::build_struct_json_patch!(RuntimeGenesisConfig {
		governance: GovernanceConfig { classes },
		// The MetaCert production period: a 14-day vote counts a snapshot at most 2 days old.
		token: TokenConfig { snapshot_period: 2 * DAYS },
	});
	serde_json::to_string(&patch).ok().map(String::into_bytes)
}

sp_api::impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}
		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}
		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> sp_core::OpaqueMetadata {
			sp_core::OpaqueMetadata::new(Runtime::metadata().into())
		}
		fn metadata_at_version(version: u32) -> Option<sp_core::OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}
		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}
		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, preset)
		}
		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			vec![sp_genesis_builder::PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET)]
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;

			let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
